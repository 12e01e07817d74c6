package org.linkage.router.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 8: the router runs as a role that owns nothing, so neither the ticket history nor the audit trail
 * can be rewritten by it, and it cannot take away the triggers that refuse the rewrite.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AppendOnlyHistoryTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Fixtures fixtures;

    @Test
    void theServiceCannotRewriteHistoryNorDropWhatGuardsIt() throws SQLException {
        Ticket t = fixtures.dispatched("NOISE", "510104", "夜间施工噪音扰民");
        String mine = " where ticket_id = '" + t.id + "'";
        try (Connection app = dataSource.getConnection(); Statement s = app.createStatement()) {
            app.setAutoCommit(true);
            refused(s, "update ticket_history set actor = 'someone-else'" + mine, "append-only");
            refused(s, "delete from ticket_history" + mine, "append-only");
            refused(s, "drop trigger ticket_history_no_rewrite on ticket_history", "must be owner");
            refused(s, "alter table ticket_history disable trigger all", "must be owner");
            refused(s, "drop trigger audit_entry_no_rewrite on audit_entry", "must be owner");
            s.executeUpdate("insert into audit_entry (entity_type, entity_id, action, actor, at) "
                    + "values ('ticket', '" + t.id + "', 'TEST', 'test', now())");
            refused(s, "update audit_entry set actor = 'someone-else' where entity_id = '" + t.id + "'", "append-only");
            refused(s, "truncate ticket_history cascade", "permission denied");
        }
    }

    private static void refused(Statement s, String sql, String why) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertTrue(e.getMessage().contains(why), sql + ": " + e.getMessage());
    }
}
