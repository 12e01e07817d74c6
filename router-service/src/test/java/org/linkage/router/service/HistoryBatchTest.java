package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.commons.security.Actor;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.StatementCounter;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PoolWarnings;
import org.linkage.testing.PostgresResource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction's history rows are written with one statement before it commits: in the order the steps were taken
 * (ids ascending), each with its audit entry, readable inside the transaction that recorded them, and gone with it
 * when it rolls back.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class HistoryBatchTest {
    @Inject
    DispatchService dispatch;
    @Inject
    TicketService tickets;
    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void theStepsOfATransactionAreOneInsertInOrderEachAudited() {
        List<String> number = new ArrayList<>();
        List<String> sql = StatementCounter.statements(() -> QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = dispatch.create(draft(), Actor.system("test"));
            tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "已签收");
            tickets.progress(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "已联系用工单位");
            number.add(t.ticketNumber);
        }));
        long inserts = sql.stream().filter(s -> s.startsWith("insert into ticket_history")).count();
        System.out.printf("BENCH router history: a transaction of three steps, %d statement(s) inserting history%n",
                inserts);
        assertEquals(1, inserts, "one insert for the transaction's history rows: " + sql);

        List<TicketHistory> history = fixtures.history(number.get(0));
        List<String> actions = history.stream().map(h -> h.action).toList();
        assertEquals(List.of("CREATE", "DISPATCH", "SIGN", "PROGRESS"), actions.subList(actions.size() - 4, actions.size()),
                "in the order taken: " + actions);
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).id > history.get(i - 1).id, "ids follow the order of the steps");
        }
        assertEquals("已联系用工单位", history.get(history.size() - 1).note);
        UUID id = history.get(0).ticketId;
        @SuppressWarnings("unchecked")
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "select action from audit_entry where entity_type = 'ticket' and entity_id = ?1 order by at, id",
                String.class).setParameter(1, id.toString()).getResultList());
        // the receipt to the caller is audited on the ticket too; every step has its entry, in the same order
        assertEquals(actions, audited.stream().filter(actions::contains).toList(), "audit entries: " + audited);
    }

    @Test
    void theTransactionReadsItsOwnStepsAndARollbackTakesThemAway() {
        Ticket t = fixtures.dispatched();
        int before = fixtures.history(t.ticketNumber).size();
        List<String> inside = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), null);
                TicketHistory.of(t.id).forEach(h -> inside.add(h.action));
                tickets.progress(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "进展");
                throw new IllegalStateException("undo");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals("SIGN", inside.get(inside.size() - 1), "the step recorded in the transaction was read: " + inside);
        assertEquals(before, fixtures.history(t.ticketNumber).size(), "nothing of the rolled-back steps stays");
    }

    @Test
    void theHistoryInsertUsesTheTransactionsOwnConnection() {
        // The pool warns, and closes the handle, when a connection taken inside a transaction is still open at
        // commit: what a history insert made through the session at commit did on every ticket's transaction.
        List<String> warnings = PoolWarnings.during(() -> QuarkusTransaction.requiringNew().run(() -> {
            Ticket t = dispatch.create(draft(), Actor.system("test"));
            tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "已签收");
        }));
        assertEquals(List.of(), warnings, "the connection pool had nothing to close at commit");
    }

    private static TicketDraft draft() {
        return new TicketDraft(UUID.randomUUID(), UUID.randomUUID(), "110-TEST", "110", "WAGES", Urgency.NORMAL,
                "工地老板拖欠工资三个月 " + UUID.randomUUID(), "成都市测试路1号", "510107", null, null, "13812345678",
                "张三", null, null);
    }
}
