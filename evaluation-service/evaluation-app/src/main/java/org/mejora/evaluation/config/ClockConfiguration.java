package org.mejora.evaluation.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The service's one clock: a stage's deadline and "today" are days in the institutions' own zone (Colombia's by
 * default, as plan-api's InstitutionTime), never UTC.
 */
@Configuration
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${mejora.evaluation.zone:America/Bogota}") String zone) {
        return Clock.system(ZoneId.of(zone.isBlank() ? "America/Bogota" : zone));
    }
}
