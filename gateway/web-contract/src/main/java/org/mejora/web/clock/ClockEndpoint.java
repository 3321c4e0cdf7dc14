package org.mejora.web.clock;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /actuator/clock}: GET shows the service's "now", POST {@code {"at":"2027-03-01T13:00:00Z"}} moves it there
 * (time runs on from there), DELETE returns to the system clock. Exists only with {@code mejora.clock.adjustable=true}.
 */
@Endpoint(id = "clock")
public class ClockEndpoint {

    private final AdjustableClock clock;

    public ClockEndpoint(AdjustableClock clock) {
        this.clock = clock;
    }

    @ReadOperation
    public ClockReading read() {
        return ClockReading.of(clock);
    }

    @WriteOperation
    public ClockReading move(String at) {
        Instant instant;
        try {
            instant = Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidEndpointRequestException("at must be an ISO-8601 instant, e.g. 2027-03-01T13:00:00Z",
                    "at: not an ISO-8601 instant");
        }
        clock.moveTo(instant);
        return ClockReading.of(clock);
    }

    @DeleteOperation
    public ClockReading reset() {
        clock.reset();
        return ClockReading.of(clock);
    }

    /** @param today the service's day, in its zone (the institution's) */
    public record ClockReading(String now, String zone, String today, boolean adjusted, String offset) {

        static ClockReading of(AdjustableClock clock) {
            Instant now = clock.instant();
            return new ClockReading(now.toString(), clock.getZone().getId(),
                    now.atZone(clock.getZone()).toLocalDate().toString(), clock.adjusted(), clock.offset().toString());
        }
    }
}
