package org.linkage.intake.support;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.linkage.intake.service.PoliceTransferChange;
import org.linkage.intake.service.PoliceTransferListener;
import org.linkage.intake.service.PoliceTransferNotices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Another intake-service replica, as far as the database can tell: its own plain JDBC session on the
 * test database, changing the hand-back queue the way PoliceTransfers does (the row and its notice in
 * one transaction). What this app hears from it, it would hear from a second instance.
 */
public final class OtherReplica implements AutoCloseable {
    private final Connection connection;
    /** Removed on close: the test app and database are shared, and other tests page the WAITING queue. */
    private final List<UUID> inserted = new ArrayList<>();

    private OtherReplica(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    public static OtherReplica connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(p -> properties.setProperty("password", p));
        return new OtherReplica(new org.postgresql.Driver().connect(
                config.getValue("quarkus.datasource.jdbc.url", String.class), properties));
    }

    /** Hand-backs this replica consumed, each stored and announced; all committed together. */
    public void queue(Collection<UUID> ids) throws SQLException {
        for (UUID id : ids) {
            insert(id);
            notice(PoliceTransferChange.Kind.QUEUED, id);
        }
        connection.commit();
    }

    /** A hand-back stored without a notice (as if its notice had been lost), committed. */
    public void storeSilently(UUID id) throws SQLException {
        insert(id);
        connection.commit();
    }

    /** A call-taker on this replica accepted the transfer. */
    public void accept(UUID id, String by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update police_transfer set state = 'ACCEPTED', accepted_by = ?, accepted_at = now(),
                version = version + 1 where id = ?""")) {
            update.setString(1, by);
            update.setObject(2, id);
            update.executeUpdate();
        }
        notice(PoliceTransferChange.Kind.ACCEPTED, id);
        connection.commit();
    }

    /** Ends the listening session of the app under test, as a database restart or failover would. */
    public int cutOffListener() throws SQLException {
        try (PreparedStatement kill = connection.prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, PoliceTransferListener.APPLICATION_NAME);
            try (ResultSet killed = kill.executeQuery()) {
                killed.next();
                int count = killed.getInt(1);
                connection.commit();
                return count;
            }
        }
    }

    private void insert(UUID id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into police_transfer (id, ticket_number, origin, reason, caller_phone, caller_name,
                transferred_by, transferred_at, received_at, state)
                values (?, '12345-20261128-000902', 'DISPATCHER', '来电人称邻居家传出呼救声', ?, '钱七', 'dispatcher1',
                ?, ?, 'WAITING')""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setString(2, "13900008888");
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
        inserted.add(id);
    }

    private void notice(PoliceTransferChange.Kind kind, UUID id) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, PoliceTransferNotices.CHANNEL);
            notify.setString(2, PoliceTransferNotices.payload(kind, id));
            notify.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        try (PreparedStatement delete = connection.prepareStatement("delete from police_transfer where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", inserted.toArray()));
            delete.executeUpdate();
            connection.commit();
        } finally {
            connection.close();
        }
    }
}
