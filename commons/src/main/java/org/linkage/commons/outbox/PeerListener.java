package org.linkage.commons.outbox;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * While a relay leads, hears the wake-ups of the replicas that do not ({@code LISTEN}) and passes them on. The
 * connection is its own, not one of the pool's: it waits for the life of the lead and must not count against the pool
 * or be handed to a request. A lost connection ends the listener; the relay starts another at its next drain, and
 * meanwhile the relay's timer still picks up every row, so a missed wake-up costs latency, never an event.
 */
final class PeerListener {
    /** Shown in pg_stat_activity, so an operator (or a test) can find the listening session. */
    static final String APPLICATION_NAME = "linkage-outbox-relay-listener";
    private static final Logger LOG = Logger.getLogger(PeerListener.class);
    /** One wait for notifications; it returns at once when one arrives, so this only bounds how fast it stops. */
    private static final int WAIT_MILLIS = 1000;

    record Database(String url, String user, String password) {
    }

    private final Thread thread;
    private volatile boolean running = true;

    private PeerListener(Database database, String channel, Runnable wake) {
        thread = new Thread(() -> run(database, channel, wake), "outbox-relay-listener");
        thread.setDaemon(true);
    }

    static PeerListener start(Database database, String channel, Runnable wake) {
        PeerListener listener = new PeerListener(database, channel, wake);
        listener.thread.start();
        return listener;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    void stop() {
        running = false;
    }

    private void run(Database database, String channel, Runnable wake) {
        if (database.url() == null) {
            return;
        }
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        // The driver directly, not DriverManager: it needs no registration visible to this class loader.
        try (Connection connection = new org.postgresql.Driver().connect(database.url(), properties)) {
            if (connection == null) {
                return;
            }
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + channel);
            }
            // A peer may have committed before LISTEN took effect: one drain picks its rows up.
            wake.run();
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                if (received != null && received.length > 0 && running) {
                    wake.run();
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                LOG.debugf("outbox relay stopped listening for peers (%s); the timer covers until it listens again",
                        e.getMessage());
            }
        }
    }
}
