package org.mejora.contract;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure was the database being away, busy or locked rather than the work itself: it passes by itself,
 * so the work is retried (a consumer waits, an HTTP caller is told to try again) and never recorded as failed.
 * Read from the JDBC causes, which every wrapper (Spring's, Axon's, the pool's) keeps.
 */
public final class TransientStorageFailure {

    private TransientStorageFailure() {
    }

    public static boolean causedIt(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByThePool(sql)
                    || (sql.getNextException() != null && transientState(sql.getNextException().getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's proxy of a connection the server terminated: the next statement of the same transaction fails with
     * this message and no SQLSTATE.
     */
    private static boolean closedByThePool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
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
