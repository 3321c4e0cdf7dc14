package org.mejora.web.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A job run once a day on db-scheduler: its one row in the service's {@code scheduled_tasks} table (created by the
 * service's own Flyway migration) is picked by one instance at a time and survives restarts, and a run missed while
 * every instance was down is due at once when one starts. Started when the application is ready (the job may need
 * everything else), stopped before the beans it uses.
 */
public final class DailyTask implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private final Scheduler scheduler;
    private volatile boolean running;

    /**
     * @param name the task's name in {@code scheduled_tasks}, unique in the service's database
     * @param zone the zone of {@code at}: the institution's
     */
    public DailyTask(DataSource dataSource, String name, ZoneId zone, LocalTime at, Duration polling, Runnable job) {
        RecurringTask<Void> task = Tasks.recurring(name, Schedules.daily(zone, at))
                .execute((instance, context) -> job.run());
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                .threads(1)
                .pollingInterval(polling)
                .build();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        startScheduler();
    }

    /** Starts polling for the task (idempotent). */
    public void startScheduler() {
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

    /** Stopped early, before the command bus and the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
