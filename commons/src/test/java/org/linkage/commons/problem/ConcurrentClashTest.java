package org.linkage.commons.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which failures are answered 409 (a concurrent clash the client can retry) rather than 500. */
class ConcurrentClashTest {

    @Test
    void aDeadlockDeepInTheCauseChainIsAClash() {
        Throwable commitFailure = new RuntimeException("commit failed",
                new IllegalStateException("flush", new SQLException("deadlock detected", "40P01")));
        assertEquals("deadlock", ProblemMappers.concurrentClash(commitFailure));
    }

    @Test
    void aUniqueKeyWrittenTwiceIsAClash() {
        assertEquals("duplicate", ProblemMappers.concurrentClash(new SQLException("duplicate key", "23505")));
        assertEquals("serialization", ProblemMappers.concurrentClash(new SQLException("could not serialize", "40001")));
        assertEquals("lock-not-available", ProblemMappers.concurrentClash(new SQLException("lock", "55P03")));
    }

    @Test
    void otherDatabaseFaultsAreNot() {
        assertNull(ProblemMappers.concurrentClash(new SQLException("connection refused", "08001")));
        assertNull(ProblemMappers.concurrentClash(new SQLException("no state")));
        assertNull(ProblemMappers.concurrentClash(new IllegalStateException("bug")));
    }
}
