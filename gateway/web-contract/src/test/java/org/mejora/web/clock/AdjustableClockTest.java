package org.mejora.web.clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AdjustableClockTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AdjustableClockAutoConfiguration.class))
            .withUserConfiguration(InstitutionClock.class);

    @Test
    void movedTimeRunsOnFromThereInTheWrappedZoneAndResetReturnsToTheWrappedClock() {
        MovableBase base = new MovableBase(Instant.parse("2026-12-02T05:00:00Z"), BOGOTA);
        AdjustableClock clock = new AdjustableClock(base);

        clock.moveTo(Instant.parse("2027-03-01T13:00:00Z"));
        base.now = base.now.plusSeconds(90);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-01T13:01:30Z"));
        assertThat(clock.getZone()).isEqualTo(BOGOTA);
        assertThat(clock.adjusted()).isTrue();
        // 03:00 UTC is still the previous day in Bogotá: the institution's day, not UTC's.
        clock.moveTo(Instant.parse("2027-03-02T03:00:00Z"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 3, 1));

        Clock utcView = clock.withZone(ZoneOffset.UTC);
        assertThat(LocalDate.now(utcView)).isEqualTo(LocalDate.of(2027, 3, 2));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(base.now);
        assertThat(utcView.instant()).as("a zone view moves with its clock").isEqualTo(base.now);
        assertThat(clock.adjusted()).isFalse();
    }

    @Test
    void withThePropertyTheOneClockBeanIsWrappedWithItsZoneAndTheEndpointMovesIt() {
        context.withPropertyValues("mejora.clock.adjustable=true").run(app -> {
            assertThat(app.getBeansOfType(Clock.class)).hasSize(1);
            Clock clock = app.getBean(Clock.class);
            assertThat(clock).isInstanceOf(AdjustableClock.class);
            assertThat(clock.getZone()).isEqualTo(BOGOTA);

            ClockEndpoint endpoint = app.getBean(ClockEndpoint.class);
            ClockEndpoint.ClockReading moved = endpoint.move("2027-03-01T13:00:00Z");
            assertThat(Duration.between(Instant.parse("2027-03-01T13:00:00Z"), clock.instant()))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5));
            assertThat(moved.today()).isEqualTo("2027-03-01");
            assertThat(moved.zone()).isEqualTo("America/Bogota");
            assertThat(moved.adjusted()).isTrue();
            assertThat(endpoint.reset().adjusted()).isFalse();
        });
    }

    @Test
    void withoutThePropertyTheClockIsTheServicesOwnAndThereIsNoEndpoint() {
        context.run(app -> {
            assertThat(app.getBean(Clock.class)).isNotInstanceOf(AdjustableClock.class);
            assertThat(app.getBeansOfType(ClockEndpoint.class)).isEmpty();
        });
        context.withPropertyValues("mejora.clock.adjustable=false").run(app ->
                assertThat(app.getBeansOfType(ClockEndpoint.class)).isEmpty());
    }

    @Configuration(proxyBeanMethods = false)
    static class InstitutionClock {

        @Bean
        Clock clock() {
            return Clock.system(BOGOTA);
        }
    }

    private static final class MovableBase extends Clock {

        Instant now;
        private final ZoneId zone;

        MovableBase(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return other;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return MovableBase.this.withZone(z);
                }

                @Override
                public Instant instant() {
                    return MovableBase.this.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
