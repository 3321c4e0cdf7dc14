package org.mejora.plan.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Signature dates and overdue flags are days in the institutions' own time zone, not UTC. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${mejora.plan.zone:America/Bogota}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
