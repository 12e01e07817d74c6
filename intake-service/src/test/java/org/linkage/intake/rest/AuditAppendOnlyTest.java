package org.linkage.intake.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;

/**
 * Issue 10, item 8: the audit trail cannot be rewritten. The service's own database login (the application role)
 * can neither change nor remove an entry, nor take away what stops it; the migration role that owns the table is
 * refused the rewrite too.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AuditAppendOnlyTest {
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = PostgresResource.MIGRATOR_USER)
    String migrator;
    @ConfigProperty(name = PostgresResource.MIGRATOR_PASSWORD)
    String migratorPassword;

    @Test
    @TestSecurity(user = "calltaker-audit", roles = "call-taker")
    void theApplicationCannotRewriteRemoveOrUnprotectAnAuditEntry() throws SQLException {
        UUID id = CallFixtures.post(call(CallFixtures.NOISE + CallFixtures.marker()));
        String created = "entity_id = '" + id + "' and action = 'CREATED'";

        try (Connection app = dataSource.getConnection(); Statement s = app.createStatement()) {
            app.setAutoCommit(true);
            refused(s, "update audit_entry set actor = 'someone-else' where " + created, "append-only");
            refused(s, "delete from audit_entry where " + created, "append-only");
            refused(s, "truncate audit_entry", "permission denied");
            refused(s, "alter table audit_entry disable trigger audit_entry_no_rewrite", "must be owner");
            refused(s, "drop trigger audit_entry_no_rewrite on audit_entry", "must be owner");
            refused(s, "drop table audit_entry", "must be owner");
            refused(s, "create table audit_copy (id bigint)", "permission denied");
        }
        try (Connection owner = DriverManager.getConnection(url, migrator, migratorPassword);
             Statement s = owner.createStatement()) {
            refused(s, "update audit_entry set actor = 'someone-else' where " + created, "append-only");
            refused(s, "delete from audit_entry where " + created, "append-only");
            refused(s, "truncate audit_entry", "append-only");
        }

        given().when().get("/api/calls/{id}/audit", id).then().statusCode(200)
                .body("find { it.action == 'CREATED' }.actor", equalTo("calltaker-audit"))
                .body("action", org.hamcrest.Matchers.hasItem("CREATED"));
    }

    private static void refused(Statement s, String sql, String why) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertTrue(e.getMessage().contains(why), sql + ": " + e.getMessage());
    }
}
