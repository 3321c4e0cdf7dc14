package org.mejora.evaluation.deadline;

import org.mejora.web.schedule.DailyTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily deadline sweep (web-contract's {@link DailyTask} on db-scheduler, table {@code scheduled_tasks}):
 * once across instances, kept across restarts, a missed run done at start. The time of day is the institution's
 * ({@code mejora.deadlines.sweep-at}, 00:05 by default); {@code mejora.deadlines.schedule=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mejora.deadlines.schedule", havingValue = "true", matchIfMissing = true)
class DeadlineSchedule {

    static final String TASK = "evaluation-deadline-sweep";

    @Bean
    DailyTask deadlineSweepSchedule(DataSource dataSource, DeadlineSweep sweep, Clock clock,
                                    @Value("${mejora.deadlines.sweep-at:00:05}") String at,
                                    @Value("${mejora.deadlines.polling-interval:PT1M}") Duration polling) {
        return daily(dataSource, sweep, clock, at, polling);
    }

    static DailyTask daily(DataSource dataSource, DeadlineSweep sweep, Clock clock, String at, Duration polling) {
        return new DailyTask(dataSource, TASK, clock.getZone(), LocalTime.parse(at), polling,
                () -> sweep.sweep(DeadlineSweep.SCHEDULE));
    }
}
