package org.mejora.evaluation.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily sweep on db-scheduler: its one row in {@code scheduled_tasks} (this service's database) is picked by one
 * instance at a time and survives restarts; a run missed while every instance was down is due at once when one
 * starts. The time of day is the institution's ({@code mejora.deadlines.sweep-at}, 00:05 by default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mejora.deadlines.schedule", havingValue = "true", matchIfMissing = true)
class DeadlineSchedule implements SmartLifecycle {

    static final String TASK = "evaluation-deadline-sweep";

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedule(DataSource dataSource, DeadlineSweep sweep, Clock clock,
                     @Value("${mejora.deadlines.sweep-at:00:05}") String at,
                     @Value("${mejora.deadlines.polling-interval:PT1M}") Duration polling) {
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.daily(clock.getZone(), LocalTime.parse(at)))
                .execute((instance, context) -> sweep.sweep(DeadlineSweep.SCHEDULE));
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                .threads(1)
                .pollingInterval(polling)
                .build();
    }

    /** Started once the application is ready: the sweep sends commands, which need Axon and the views up. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!running) {
            scheduler.start();
            running = true;
        }
    }

    @Override
    public void start() {
        // started on ApplicationReadyEvent
    }

    @Override
    public void stop() {
        if (running) {
            scheduler.stop();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before Axon and the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
