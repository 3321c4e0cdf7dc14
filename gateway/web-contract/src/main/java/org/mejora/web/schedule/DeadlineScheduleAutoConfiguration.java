package org.mejora.web.schedule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

/**
 * Runs the service's {@link DeadlineSweeper} daily as a {@link DailyTask}: once across instances, kept across
 * restarts, a missed run done at start. The time of day is in the zone of the service's one {@code Clock}, the
 * institution's ({@code mejora.deadlines.sweep-at}, 00:05 by default); {@code mejora.deadlines.schedule=false}
 * turns it off (the tests run the sweep themselves).
 */
@AutoConfiguration
@ConditionalOnBean(DeadlineSweeper.class)
@ConditionalOnProperty(name = "mejora.deadlines.schedule", havingValue = "true", matchIfMissing = true)
public class DeadlineScheduleAutoConfiguration {

    @Bean
    DailyTask deadlineSweepSchedule(DataSource dataSource, DeadlineSweeper sweeper, Clock clock,
                                    @Value("${mejora.deadlines.sweep-at:00:05}") String at,
                                    @Value("${mejora.deadlines.polling-interval:PT1M}") Duration polling) {
        return new DailyTask(dataSource, sweeper.taskName(), clock.getZone(), LocalTime.parse(at), polling,
                sweeper::sweepOnSchedule);
    }
}
