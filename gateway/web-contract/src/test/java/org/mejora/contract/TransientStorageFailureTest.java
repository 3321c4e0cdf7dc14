package org.mejora.contract;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientStorageFailureTest {

    @Test
    void theDatabaseAwayBusyOrLockedPassesByItself() {
        assertThat(TransientStorageFailure.causedIt(new IllegalStateException("Failed to read events",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(TransientStorageFailure.causedIt(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientStorageFailure.causedIt(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientStorageFailure.causedIt(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(TransientStorageFailure.causedIt(new RuntimeException(
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(TransientStorageFailure.causedIt(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aBatchNamesItsCauseInTheNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertThat(TransientStorageFailure.causedIt(batch)).isTrue();
    }

    @Test
    void whatTheDataOrTheCodeGotWrongIsNotTransient() {
        assertThat(TransientStorageFailure.causedIt(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientStorageFailure.causedIt(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientStorageFailure.causedIt(new IllegalArgumentException("a bug"))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(TransientStorageFailure.causedIt(first)).isFalse();
    }
}
