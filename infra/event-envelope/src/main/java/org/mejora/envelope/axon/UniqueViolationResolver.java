package org.mejora.envelope.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on the store's unique (aggregate, sequence): PostgreSQL's SQLState 23505, which
 * Axon's resolver misses when the driver reports it inside a batch (its error code is 0). Axon then raises a
 * ConcurrencyException, which CommandSender runs once more and the services answer with 409, instead of an
 * EventStoreException and a 500, when two instances append to one aggregate at once.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";
    private final PersistenceExceptionResolver axons = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        if (axons.isDuplicateKeyViolation(exception)) {
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && violatesUniqueness(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesUniqueness(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
