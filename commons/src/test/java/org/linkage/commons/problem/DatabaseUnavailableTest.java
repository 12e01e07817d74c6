package org.linkage.commons.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which failures are answered 503 with Retry-After (passing: retry) rather than 500 (a bug to report). */
class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolDeepInHibernatesChainIsUnavailable() {
        // What Hibernate throws when Agroal found no free connection in time (seen under load in the pipeline bench).
        Throwable failure = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        assertEquals("pool-exhausted", ProblemMappers.databaseUnavailable(failure));
    }

    @Test
    void aRefusedOrLostConnectionAndARestartingServerAreUnavailable() {
        assertEquals("connection", ProblemMappers.databaseUnavailable(new SQLException("Connection refused", "08001")));
        assertEquals("connection", ProblemMappers.databaseUnavailable(new SQLException("I/O error", "08006")));
        assertEquals("restarting", ProblemMappers.databaseUnavailable(new SQLException("terminating connection", "57P01")));
        assertEquals("restarting", ProblemMappers.databaseUnavailable(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void faultsInTheRequestOrTheCodeAreNot() {
        assertNull(ProblemMappers.databaseUnavailable(new SQLException("syntax error", "42601")));
        assertNull(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertNull(ProblemMappers.databaseUnavailable(new SQLException("no state")));
        assertNull(ProblemMappers.databaseUnavailable(new IllegalStateException("bug")));
    }
}
