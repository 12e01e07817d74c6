package org.linkage.intake.support;

import org.linkage.commons.outbox.OutboxRelay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The outbox relay's lead, taken by a test's own session as another replica would take it: this app's relay keeps the
 * lock between wake-ups, so its leading session is ended first (as the leader's death or a failover would end it), and
 * the lock taken before the relay takes it back.
 */
public final class RelayLead {
    private RelayLead() {
    }

    /** The relay lock of intake's database. */
    public static long key() {
        return OutboxRelay.lockKeyOf("/linkage/intake");
    }

    /** Ends the sessions holding the relay lock; returns how many there were. */
    public static int endLeader(Connection c) throws SQLException {
        try (PreparedStatement kill = c.prepareStatement("""
                select count(pg_terminate_backend(pid)) from pg_locks
                where locktype = 'advisory' and granted and pid <> pg_backend_pid()
                  and ((classid::bigint << 32) | objid::bigint) = ?""")) {
            kill.setLong(1, key());
            try (ResultSet r = kill.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Takes the lead on {@code c} (an autocommit session), ending whoever holds it until it is had. */
    public static void take(Connection c, Duration timeout) throws SQLException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!tryLock(c)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the relay lock could not be taken in " + timeout);
            }
            endLeader(c);
            Thread.sleep(20);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key());
            try (ResultSet r = lock.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
