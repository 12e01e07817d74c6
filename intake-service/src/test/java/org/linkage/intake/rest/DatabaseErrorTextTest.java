package org.linkage.intake.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 9: a refused row's values never travel in an error's text. PostgreSQL's detail ("Failing row
 * contains (…)") repeats every column of the row, a caller's phone and words included, and the driver put it into
 * the exception message that reaches logs, dead-letter reasons and supervision_failure; the services now connect
 * with logServerErrorDetail=false, so the message names the constraint and never the values.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DatabaseErrorTextTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRefusedRowsValuesAreNotInTheErrorText() throws SQLException {
        String phone = "13900001234";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into audit_entry (entity_type, entity_id, action, actor, reason, at)
                values ('call', 'x', 'CREATED', null, ?, now())""")) {
            insert.setString(1, "来电人电话 " + phone);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            String text = e.toString() + " " + e.getMessage();
            assertTrue(text.contains("actor"), "the error still says what was wrong: " + text);
            assertFalse(text.contains(phone), "no value of the row in the error: " + text);
            assertFalse(text.contains("Failing row"), text);
        }
    }
}
