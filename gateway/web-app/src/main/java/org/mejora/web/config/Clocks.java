package org.mejora.web.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** "Today" on screen is the institution's day, as plan-service decides overdue (America/Bogota by default). */
@Configuration
class Clocks {

    @Bean
    Clock clock(@Value("${mejora.web.zone:America/Bogota}") ZoneId zone) {
        return Clock.system(zone);
    }
}
