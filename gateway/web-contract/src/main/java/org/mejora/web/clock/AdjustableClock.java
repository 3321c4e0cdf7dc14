package org.mejora.web.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that can be moved to another "now", from which time runs on, and back to the clock it wraps. Only tests and
 * the local demo use it ({@code mejora.clock.adjustable=true}): it replaces nothing, it wraps the service's one
 * {@code Clock} bean, keeping that bean's zone (the institution's).
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    /** Shared by every zone view of this clock: moving one moves them all. */
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** From now on {@link #instant()} reads {@code at}, and runs on from there. */
    public void moveTo(Instant at) {
        offset.set(Duration.between(base.instant(), Objects.requireNonNull(at, "at")));
    }

    /** Back to the wrapped clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public boolean adjusted() {
        return !offset.get().isZero();
    }

    /** How far this clock is ahead of the wrapped one (negative when behind). */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "AdjustableClock[" + base + ", offset " + offset.get() + "]";
    }
}
