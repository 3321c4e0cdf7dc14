package org.mejora.plan.api.state;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock rule: a day (today, a signature's date, whether an action is overdue) is a day in the institutions'
 * own time zone, never in UTC. Every Mejora institution is in Colombia today; a service may configure another zone,
 * with this one as its default.
 */
public final class InstitutionTime {

    /** The zone's id, for configuration defaults. */
    public static final String DEFAULT_ZONE_ID = "America/Bogota";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of(DEFAULT_ZONE_ID);

    private InstitutionTime() {
    }

    /** The institution's clock: {@code zone} when configured, else {@link #DEFAULT_ZONE}. */
    public static Clock clock(String zone) {
        return Clock.system(zone == null || zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone));
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /** The institution's day an instant falls on. */
    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
