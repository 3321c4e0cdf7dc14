package org.mejora.plan.plan.web;

import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.plan.plan.command.AddActionCommand;
import org.mejora.plan.plan.command.AddFindingCommand;
import org.mejora.plan.plan.command.CreatePlanCommand;
import org.mejora.plan.plan.command.RecordActionProgressCommand;
import org.mejora.plan.plan.query.PlanView;
import org.mejora.contract.RuleViolation;
import org.mejora.envelope.axon.CommandSender;
import org.mejora.plan.web.ImportRejected;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a read workbook into the same commands a user would type, one per element, in one transaction: the events
 * of an import are stored all together or not at all.
 */
@Component
class PlanImporter {

    private final CommandSender commands;

    PlanImporter(CommandSender commands) {
        this.commands = commands;
    }

    @Transactional
    public String importPlan(PlanWorkbook.ImportedPlan plan, VerifiedUser user, Role role) {
        String planId = UUID.randomUUID().toString();
        commands.send(new CreatePlanCommand(planId, user.institutionId(), plan.kind(), plan.title(),
                plan.institutionName(), plan.auditedProcess(), plan.procedures(), plan.responsible(),
                plan.subscriptionDate(), plan.formatCode(), plan.formatVersion(), plan.period(), null), user, role);
        for (PlanWorkbook.ImportedFinding finding : plan.findings()) {
            String findingId = UUID.randomUUID().toString();
            rowOf(finding.row(), () -> {
                commands.send(new AddFindingCommand(planId, null, findingId, finding.number(), finding.description(),
                        finding.source(), finding.improvementArea()), user, role);
            });
            for (PlanWorkbook.ImportedAction action : finding.actions()) {
                rowOf(action.row(), () -> commands.send(new AddActionCommand(planId, null, findingId,
                        UUID.randomUUID().toString(), action.details()), user, role));
            }
        }
        return planId;
    }

    /** The rows whose marked progress would be recorded: those with a mark that differs from the action's progress. */
    static List<PlanWorkbook.FollowUpRow> progressToRecord(PlanView plan, List<PlanWorkbook.FollowUpRow> rows) {
        Map<String, PlanView.ActionView> actions = actions(plan);
        return rows.stream().filter(row -> row.percent() != null
                && row.percent() != actions.get(row.number()).percent).toList();
    }

    private static Map<String, PlanView.ActionView> actions(PlanView plan) {
        Map<String, PlanView.ActionView> actions = new java.util.HashMap<>();
        plan.findings.forEach(f -> f.actions.forEach(a -> actions.put(a.number, a)));
        return actions;
    }

    /** Records the marked progress of each row; rows without a mark, or with the progress already recorded, are skipped. */
    @Transactional
    public int importFollowUps(PlanView plan, List<PlanWorkbook.FollowUpRow> rows, String fileName,
                               LocalDate today, VerifiedUser user, Role role) {
        Map<String, PlanView.ActionView> actions = actions(plan);
        int recorded = 0;
        for (PlanWorkbook.FollowUpRow row : progressToRecord(plan, rows)) {
            PlanView.ActionView action = actions.get(row.number());
            String evidence = fileName + ", " + row.sheet() + ", fila " + row.row();
            rowOf(row.row(), () -> commands.send(new RecordActionProgressCommand(plan.planId, null, action.actionId,
                    row.percent(), evidence, row.comment(), null, today), user, role), row.sheet());
            recorded++;
        }
        return recorded;
    }

    private static void rowOf(int row, Runnable send) {
        rowOf(row, send, null);
    }

    /** A rule the aggregate still finds broken is reported on its row like any unreadable cell. */
    private static void rowOf(int row, Runnable send, String sheet) {
        try {
            send.run();
        } catch (RuleViolation violation) {
            throw new ImportRejected(List.of(new ImportRejected.CellError(sheet, row, violation.field(), null,
                    violation.rule(), violation.arguments())));
        }
    }
}
