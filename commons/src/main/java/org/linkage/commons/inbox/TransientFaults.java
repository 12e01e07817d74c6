package org.linkage.commons.inbox;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a passing fault of the database (it will succeed later, unchanged) from a failure of the
 * event itself (it never will). A passing fault: the connection refused, lost or closed (SQLSTATE class
 * 08), the server shutting down or starting (57P01, 57P02, 57P03), too many connections or out of
 * resources (class 53), a serialization failure (40001), a deadlock (40P01), a lock not available
 * (55P03), a statement cancelled by a time-out (57014), or no connection from the pool in time.
 */
public final class TransientFaults {
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03", "57014");

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return scan(failure, seen);
    }

    private static boolean scan(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        if (transientItself(t)) {
            return true;
        }
        if (t instanceof SQLException sql && scan(sql.getNextException(), seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (scan(suppressed, seen)) {
                return true;
            }
        }
        return scan(t.getCause(), seen);
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("53") || STATES.contains(state))) {
                return true;
            }
            if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
                return true;
            }
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof EOFException
                || t instanceof SocketException) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("org.hibernate.PessimisticLockException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("jakarta.persistence.QueryTimeoutException")) {
            return true;
        }
        // Agroal's pool answers a plain SQLException when no connection frees up in time.
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
