package org.mejora.plan.plan.web;

import org.mejora.plan.web.ImportRejected.CellError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import writes, or would write in a dry run: the findings with their actions, the follow-up rows with
 * their marked progress, and the warnings, each with its reason in the request's language.
 */
@Component
class ImportPreview {

    private final MessageSource messages;

    ImportPreview(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> plan(PlanWorkbook.ImportedPlan plan, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun);
        body.put("kind", plan.kind());
        body.put("title", plan.title());
        body.put("institutionName", plan.institutionName());
        body.put("formatCode", plan.formatCode());
        body.put("formatVersion", plan.formatVersion());
        body.put("period", plan.period());
        body.put("findings", plan.findings().size());
        body.put("actions", plan.actionCount());
        body.put("followUpRowsChecked", plan.followUps().size());
        body.put("findingList", plan.findings().stream().map(finding -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", finding.row());
            entry.put("number", finding.number());
            entry.put("description", finding.description());
            entry.put("actions", finding.actions().stream().map(action -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("row", action.row());
                a.put("number", action.details().number());
                a.put("name", action.details().name());
                a.put("start", action.details().start());
                a.put("end", action.details().end());
                a.put("tasks", action.details().tasks().size());
                return a;
            }).toList());
            return entry;
        }).toList());
        body.put("followUpList", followUpRows(plan.followUps()));
        body.put("warnings", warnings(plan.warnings()));
        return body;
    }

    Map<String, Object> followUps(List<PlanWorkbook.FollowUpRow> rows, List<PlanWorkbook.FollowUpRow> toRecord,
                                  boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun);
        body.put("rows", rows.size());
        body.put(dryRun ? "progressToRecord" : "progressRecorded", toRecord.size());
        body.put("followUpList", followUpRows(toRecord));
        body.put("warnings", warnings(rows.stream().flatMap(r -> r.warnings().stream()).toList()));
        return body;
    }

    private static List<Map<String, Object>> followUpRows(List<PlanWorkbook.FollowUpRow> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sheet", row.sheet());
            entry.put("row", row.row());
            entry.put("number", row.number());
            entry.put("action", row.action());
            entry.put("percent", row.percent());
            return entry;
        }).toList();
    }

    private List<Map<String, Object>> warnings(List<CellError> warnings) {
        return warnings.stream().map(warning -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sheet", warning.sheet());
            entry.put("row", warning.row());
            entry.put("column", warning.column());
            entry.put("value", warning.value());
            entry.put("rule", warning.rule());
            entry.put("reason", messages.getMessage(warning.rule(), warning.arguments(), warning.rule(),
                    LocaleContextHolder.getLocale()));
            return entry;
        }).toList();
    }
}
