package org.mejora.identity;

import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Set;

/**
 * Refuses to start a service whose secrets are the well-known values of the local run ({@code infra/lib/env.sh}):
 * they are published in this repository, so only the local run and the tests (which set {@code mejora.local-run})
 * may use them.
 */
public final class DevelopmentSecrets {

    /** The properties that hold a secret of a service. */
    static final List<String> SECRET_PROPERTIES = List.of("spring.datasource.password");

    /** The values the infra scripts use locally (database passwords), and the retired gateway secret's default. */
    static final Set<String> KNOWN_VALUES = Set.of("plan", "evaluation", "reporting",
            "local-development-secret-change-me-0123456789");

    public static final String LOCAL_RUN = "mejora.local-run";

    private DevelopmentSecrets() {
    }

    /** @throws IllegalStateException naming the property when a secret has a known value outside a local run */
    public static void check(Environment environment) {
        if (environment.getProperty(LOCAL_RUN, Boolean.class, false)) {
            return;
        }
        for (String property : SECRET_PROPERTIES) {
            String value = environment.getProperty(property);
            if (value != null && KNOWN_VALUES.contains(value)) {
                throw new IllegalStateException(property + " has the published value of the local run: set a secret "
                        + "of this installation, or " + LOCAL_RUN + "=true (MEJORA_LOCAL_RUN) for a local run or tests");
            }
        }
    }
}
