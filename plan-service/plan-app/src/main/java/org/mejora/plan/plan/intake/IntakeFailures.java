package org.mejora.plan.plan.intake;

import org.mejora.contract.RuleViolation;
import org.mejora.contract.TransientStorageFailure;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

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
                    || t instanceof CannotCreateTransactionException) {
                return Kind.TRANSIENT;
            }
        }
        return TransientStorageFailure.causedIt(failure) ? Kind.TRANSIENT : Kind.UNKNOWN;
    }
}
