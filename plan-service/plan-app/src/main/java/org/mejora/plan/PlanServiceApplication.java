package org.mejora.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlanServiceApplication {

    public static void main(String[] args) {
        // No outbound call at start: Axon 4.12+ would report to AxonIQ's servers (and wait on a network there is not).
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
