package org.mejora.plan.plan.intake;

import org.mejora.contract.RuleViolation;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collections;

/** Sorts the failures of an intake into those that pass by themselves, those that never will, and the rest. */
public final class IntakeFailures {

    public enum Kind {
        /** The database is away, busy or locked: retry for as long as it takes. */
        TRANSIENT,
        /** The record cannot be read or the domain refuses it: dead-letter it now. */
        POISON,
        /** Anything else: a few retries, then the dead-letter topic. */
        UNKNOWN
    }

    private IntakeFailures() {
    }

    public static Kind classify(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof UnreadableRecord || t instanceof RuleViolation) {
                return Kind.POISON;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return Kind.TRANSIENT;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNKNOWN;
    }

    /**
     * PostgreSQL's classes of conditions that end by themselves: 08 connection, 40 serialization/deadlock,
     * 53 insufficient resources, 57 operator intervention (shutdown, statement timeout), 55P03 lock not available.
     */
    static boolean transientState(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        return switch (state.substring(0, 2)) {
            case "08", "40", "53", "57" -> true;
            default -> state.equals("55P03");
        };
    }
}
