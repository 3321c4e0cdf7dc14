package org.mejora.plan.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventMetadata;
import org.mejora.plan.api.state.DeadlineNotices;
import org.mejora.plan.api.state.InstitutionTime;
import org.mejora.plan.plan.command.NoticeActionDeadlinesCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mejora.web.schedule.DeadlineSweeper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Finds the plans with actions near or past their due date (from plan-service's own view) and sends each plan the
 * command that raises the facts due today; the plan decides which, once per action and due date, so a sweep run
 * twice, or by two instances, raises nothing twice.
 */
@Component
public class DeadlineSweep implements DeadlineSweeper {

    /** Its row in {@code scheduled_tasks}. */
    static final String TASK = "plan-deadline-sweep";


    /** Who the scheduled sweep's events name: no user, the platform itself. */
    static final Actor SCHEDULE = new Actor("mejora-deadline-sweep", "PLATFORM_ADMIN", "Mejora");

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final ActionDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    DeadlineSweep(ActionDeadlines deadlines, CommandGateway commands, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public String taskName() {
        return TASK;
    }

    @Override
    public int sweepOnSchedule() {
        return sweep(SCHEDULE);
    }

    /** Raises the facts due today, in the institution's zone; returns how many events were raised. */
    public int sweep(Actor actor) {
        LocalDate today = InstitutionTime.today(clock);
        String run = UUID.randomUUID().toString();
        int raised = 0;
        for (ActionDeadlines.Candidate plan : deadlines.candidates(today.plusDays(DeadlineNotices.DAYS_BEFORE[0]))) {
            try {
                Integer count = commands.sendAndWait(new NoticeActionDeadlinesCommand(plan.planId(), today),
                        MetaData.from(EventMetadata.of(actor, plan.institutionId(), run)));
                raised += count == null ? 0 : count;
            } catch (RuntimeException e) {
                // One plan that cannot take the command (e.g. a concurrent edit) waits for the next sweep.
                log.warn("deadline sweep skipped plan {}: {}", plan.planId(), e.toString());
            }
        }
        log.info("deadline sweep of {} raised {} facts", today, raised);
        return raised;
    }
}
