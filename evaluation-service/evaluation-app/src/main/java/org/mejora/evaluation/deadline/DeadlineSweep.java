package org.mejora.evaluation.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.api.state.StepDeadlineNotices;
import org.mejora.evaluation.evaluation.command.NoticeStepDeadlinesCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mejora.web.schedule.DeadlineSweeper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the evaluations whose step's stage deadline is near or past (from evaluation-service's own views) and sends
 * each the command that raises the fact due today; the evaluation decides, once per stage deadline, so a sweep run
 * twice, or by two instances, raises nothing twice.
 */
@Component
public class DeadlineSweep implements DeadlineSweeper {

    /** Its row in {@code scheduled_tasks}. */
    static final String TASK = "evaluation-deadline-sweep";


    /** Who the scheduled sweep's events name: no user, the platform itself. */
    static final Actor SCHEDULE = new Actor("mejora-deadline-sweep", "PLATFORM_ADMIN", "Mejora");

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final StepDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    DeadlineSweep(StepDeadlines deadlines, CommandGateway commands, Clock clock) {
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
        LocalDate today = LocalDate.now(clock);
        String run = UUID.randomUUID().toString();
        Map<String, List<StageDeadline>> cycles = new HashMap<>();
        int raised = 0;
        for (StepDeadlines.Candidate evaluation
                : deadlines.candidates(today.plusDays(StepDeadlineNotices.DAYS_BEFORE.get(0)))) {
            List<StageDeadline> stages = cycles.computeIfAbsent(evaluation.cycleId(), deadlines::of);
            try {
                Integer count = commands.sendAndWait(
                        new NoticeStepDeadlinesCommand(evaluation.evaluationId(), stages, today),
                        MetaData.from(EventMetadata.of(actor, evaluation.institutionId(), run)));
                raised += count == null ? 0 : count;
            } catch (RuntimeException e) {
                // One evaluation that cannot take the command (e.g. a concurrent step) waits for the next sweep.
                log.warn("deadline sweep skipped evaluation {}: {}", evaluation.evaluationId(), e.toString());
            }
        }
        log.info("deadline sweep of {} raised {} facts", today, raised);
        return raised;
    }
}
