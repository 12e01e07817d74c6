package org.linkage.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.linkage.commons.persistence.ArrayBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a transaction's history rows with one statement just before it commits, instead of one insert each at
 * {@code persist} (issue 14: the identity key made Hibernate insert every row at once, 8 % of the router's CPU).
 *
 * <p>The ids stay the identity's, drawn when the rows are written, in the order the steps were recorded, so the
 * history reads in the same order as before (by id) on every replica. The rows commit or roll back with the
 * transaction's other writes, the ticket row written first (the session is flushed before them), and the audit
 * entries are recorded as before, one per step. A read of a ticket's history ({@link TicketHistory#of}) writes the
 * transaction's pending rows first, so it sees its own steps.
 */
@ApplicationScoped
public class HistoryWriter {
    private static final Object PENDING = new Object();

    private static final String INSERT = """
        insert into ticket_history (ticket_id, at, actor, action, from_status, to_status, department_code, note,
                                    visibility)
        select cast(r.ticket_id as uuid), cast(r.at as timestamptz), r.actor, r.action, r.from_status,
               r.to_status, r.department_code, r.note, r.visibility
        from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as varchar[])) with ordinality
            as r(ticket_id, at, actor, action, from_status, to_status, department_code, note, visibility, n)
        order by r.n""";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry registry;
    private final ArrayBatch batch;

    public HistoryWriter(EntityManager em, TransactionSynchronizationRegistry registry, ArrayBatch batch) {
        this.em = em;
        this.registry = registry;
        this.batch = batch;
    }

    /** Keeps {@code h} to be written with the transaction's other history rows. */
    public void add(TicketHistory h) {
        if (registry.getTransactionKey() == null) {
            h.persist(); // refused as before: a history row is only ever written in a transaction
            return;
        }
        pending(true).add(h);
    }

    /** Writes the current transaction's pending rows now, in one statement; nothing when there are none. */
    public void writePending() {
        if (registry.getTransactionKey() == null) {
            return;
        }
        List<TicketHistory> rows = pending(false);
        if (rows == null || rows.isEmpty()) {
            return;
        }
        List<TicketHistory> taken = new ArrayList<>(rows);
        rows.clear();
        // The ticket (and anything else the rows refer to) is inserted at the session's flush.
        em.flush();
        batch.write(INSERT, taken, h -> new Object[]{h.ticketId, h.at, h.actor, h.action, h.fromStatus, h.toStatus,
                h.departmentCode, h.note, h.visibility == null ? null : h.visibility.name()});
    }

    @SuppressWarnings("unchecked")
    private List<TicketHistory> pending(boolean create) {
        List<TicketHistory> rows = (List<TicketHistory>) registry.getResource(PENDING);
        if (rows == null && create) {
            rows = new ArrayList<>();
            registry.putResource(PENDING, rows);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    writePending();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return rows;
    }
}
