package org.mejora.plan.config;

import org.mejora.plan.api.state.InstitutionTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Signature dates and overdue flags are days in the institutions' own time zone, not UTC (plan-api's rule). */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${mejora.plan.zone:" + InstitutionTime.DEFAULT_ZONE_ID + "}") String zone) {
        return InstitutionTime.clock(zone);
    }
}
