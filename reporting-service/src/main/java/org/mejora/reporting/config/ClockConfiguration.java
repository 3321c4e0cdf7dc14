package org.mejora.reporting.config;

import org.mejora.plan.api.state.InstitutionTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Dashboards' and exports' "today" is the institutions' day (plan-api's rule), as in plan-service, never UTC's. */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${mejora.reporting.zone:" + InstitutionTime.DEFAULT_ZONE_ID + "}") String zone) {
        return InstitutionTime.clock(zone);
    }
}
