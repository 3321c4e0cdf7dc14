package org.mejora.plan.plan.intake;

import org.junit.jupiter.api.Test;
import org.mejora.contract.RuleViolation;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures wait, which go to the dead-letter topic, and that waiting has no end while the database is away. */
class IntakeErrorHandlingTest {

    @Test
    void aDatabaseThatIsAwayIsWaitedForWithoutEnd() {
        BackOffExecution execution = IntakeErrorHandling.backOffFor(
                new ListenerExecutionFailedException("listener failed",
                        new CannotGetJdbcConnectionException("connection refused")), 500, 30_000, 5).start();
        long last = 0;
        for (int attempt = 0; attempt < 100_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(30_000);
    }

    @Test
    void anUnknownFailureIsRetriedAFewTimesWithGrowingIntervals() {
        BackOffExecution execution = IntakeErrorHandling.backOffFor(new IllegalStateException("?"), 500, 30_000, 5)
                .start();
        assertThat(execution.nextBackOff()).isEqualTo(500);
        assertThat(execution.nextBackOff()).isEqualTo(1_000);
        assertThat(execution.nextBackOff()).isEqualTo(2_000);
        assertThat(execution.nextBackOff()).isEqualTo(4_000);
        assertThat(execution.nextBackOff()).isEqualTo(8_000);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void locksConnectionsAndShutdownsAreTransientWhereverTheyAreWrapped() {
        assertThat(IntakeFailures.classify(new RuntimeException(new RuntimeException(
                new SQLException("canceling statement due to lock timeout", "55P03"))))).isEqualTo(IntakeFailures.Kind.TRANSIENT);
        assertThat(IntakeFailures.classify(new SQLException("terminating connection", "57P01")))
                .isEqualTo(IntakeFailures.Kind.TRANSIENT);
        assertThat(IntakeFailures.classify(new SQLException("connection failure", "08006")))
                .isEqualTo(IntakeFailures.Kind.TRANSIENT);
        assertThat(IntakeFailures.classify(new SQLException("duplicate key", "23505")))
                .isEqualTo(IntakeFailures.Kind.UNKNOWN);
    }

    @Test
    void unreadableRecordsAndRefusalsOfTheDomainArePoison() {
        assertThat(IntakeFailures.classify(new ListenerExecutionFailedException("listener failed",
                new UnreadableRecord("no envelope", null)))).isEqualTo(IntakeFailures.Kind.POISON);
        assertThat(IntakeFailures.classify(new RuntimeException(RuleViolation.illegalTransition("plan.closed"))))
                .isEqualTo(IntakeFailures.Kind.POISON);
    }
}
