package org.linkage.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.PoliceTransferRepository;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hears every replica's committed changes of the hand-back queue (PostgreSQL LISTEN) and feeds them to
 * this replica's console streams. A hand-back is consumed by one replica and an acceptance made on
 * whichever one served the request, so only the database sees them all.
 * <p>
 * The connection is its own, not one of the pool's: it is held for the life of the replica and must
 * not count against the pool or be handed to a request. When it fails, the feed is interrupted (every
 * open stream ends and its console re-reads the list, so nothing missed meanwhile stays unseen) and it
 * reconnects with backoff.
 */
@ApplicationScoped
public class PoliceTransferListener {
    /** Shown in pg_stat_activity, so an operator (or a test) can find the listening session. */
    public static final String APPLICATION_NAME = "intake-police-transfer-listener";
    private static final Logger LOG = Logger.getLogger(PoliceTransferListener.class);
    /** One wait for notifications; it returns at once when one arrives, so this only bounds shutdown. */
    private static final int WAIT_MILLIS = 1000;
    /** A quiet connection is checked this often, so a silently dropped one is noticed within ~a heartbeat. */
    private static final long CHECK_MILLIS = 10_000;
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 15_000;

    private final PoliceTransferFeed feed;
    private final PoliceTransferRepository transfers;
    private final String url;
    private final Properties connectionProperties = new Properties();
    private volatile boolean running;
    private Thread thread;

    public PoliceTransferListener(PoliceTransferFeed feed, PoliceTransferRepository transfers,
                                  @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                  @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                  @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.feed = feed;
        this.transfers = transfers;
        this.url = url;
        user.ifPresent(u -> connectionProperties.setProperty("user", u));
        password.ifPresent(p -> connectionProperties.setProperty("password", p));
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("connectTimeout", "10");
    }

    /** Listens before the first request is served, so a console that connects at once hears everything. */
    void start(@Observes StartupEvent event) {
        running = true;
        Connection first = null;
        try {
            first = listen();
        } catch (SQLException e) {
            LOG.warnf("cannot listen for hand-back changes yet (%s); streams refused until it can", e.getMessage());
        }
        Connection listening = first;
        thread = new Thread(() -> run(listening), "police-transfer-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** The loop notices within one wait and closes its own connection (pgjdbc is not for two threads). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt(); // only cuts a backoff sleep short
            thread.join(WAIT_MILLIS + 5000L);
        }
        feed.interrupt();
    }

    private Connection listen() throws SQLException {
        // The driver directly, not DriverManager: it needs no registration visible to this class loader.
        Connection connection = new org.postgresql.Driver().connect(url, connectionProperties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: quarkus.datasource.jdbc.url");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PoliceTransferNotices.CHANNEL);
        } catch (SQLException e) {
            close(connection);
            throw e;
        }
        // Only now: a stream opened earlier could miss a change committed before LISTEN took effect.
        feed.open();
        return connection;
    }

    private void run(Connection first) {
        Connection connection = first;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("listening for hand-back changes again");
                }
                backoff = FIRST_BACKOFF_MILLIS;
                hear(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("lost the hand-back listener (%s); open streams ended, retrying in %d ms",
                            e.getMessage(), backoff);
                }
            }
            feed.interrupt();
            close(connection);
            connection = null;
            if (running) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Returns when stopped; throws when the connection (or a re-read) fails. */
    private void hear(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                feed.publish(reread(received));
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > CHECK_MILLIS * 1_000_000) {
                // Waiting alone never notices a peer that vanished without closing the socket.
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /**
     * The notices say only what changed; the transfers are read as committed, in one short transaction,
     * and kept in the order the changes were committed.
     */
    private List<PoliceTransferChange> reread(PGNotification[] received) {
        List<PoliceTransferNotices.Notice> notices = Arrays.stream(received)
                .map(n -> PoliceTransferNotices.parse(n.getParameter()))
                .flatMap(Optional::stream)
                .toList();
        if (notices.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = notices.stream().map(PoliceTransferNotices.Notice::transferId).distinct().toList();
        Map<UUID, PoliceTransferEntity> byId = QuarkusTransaction.requiringNew().call(
                () -> transfers.list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(t -> t.id, Function.identity())));
        return notices.stream()
                .filter(n -> byId.containsKey(n.transferId()))
                .map(n -> new PoliceTransferChange(n.kind(), byId.get(n.transferId())))
                .toList();
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken; nothing to release
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
