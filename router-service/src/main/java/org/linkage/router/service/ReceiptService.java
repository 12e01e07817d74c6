package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.ReceiptConfig;
import org.linkage.router.domain.ReceiptKind;
import org.linkage.router.domain.ReceiptStatus;
import org.linkage.router.domain.Receipts;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the caller's receipts in the transaction of the ticket change that causes them, so a receipt exists exactly
 * when its change committed; {@link ReceiptWorker} sends them. A receipt already written for the same ticket, kind
 * and round is left alone, so a replayed referral or a retried request never texts the caller twice.
 */
@ApplicationScoped
public class ReceiptService {
    public static final String SYSTEM = "receipts";

    private final ReceiptConfig config;
    private final Receipts receipts;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    public ReceiptService(ReceiptConfig config, Receipts receipts, EntityManager em, AuditTrail audit, Clock clock) {
        this.config = config;
        this.receipts = receipts;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ticket was made. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Ticket t) {
        write(t, ReceiptKind.CREATED, 0, null);
    }

    /** The unit answered; callers of tickets merged into this one are told too, each with their own number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(Ticket t) {
        String department = departmentName(t);
        write(t, ReceiptKind.ANSWERED, t.reopenedCount, department);
        if (!t.hasMergedTickets) {
            return;
        }
        for (Ticket merged : Ticket.<Ticket>list("masterTicketId", t.id)) {
            write(merged, ReceiptKind.ANSWERED, t.reopenedCount, department);
        }
    }

    private void write(Ticket t, ReceiptKind kind, int round, String department) {
        if (!config.enabled()) {
            return;
        }
        Optional<String> mobile = Receipts.mobileOf(t.callerPhone, t.receiptsOptOut);
        if (mobile.isEmpty()) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("ticketNumber", t.ticketNumber);
        values.put("retrievalCode", t.retrievalCode);
        values.put("caseUrl", config.caseUrl());
        values.put("department", department);
        String message = receipts.render(kind, config.language(), values);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        em.flush();
        int written = em.createNativeQuery("""
                        insert into caller_receipt (id, ticket_id, kind, round, phone, language, message, status,
                            attempts, next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9)
                        on conflict (ticket_id, kind, round) do nothing""")
                .setParameter(1, id)
                .setParameter(2, t.id)
                .setParameter(3, kind.name())
                .setParameter(4, round)
                .setParameter(5, mobile.get())
                .setParameter(6, config.language())
                .setParameter(7, message.length() > 1000 ? message.substring(0, 1000) : message)
                .setParameter(8, ReceiptStatus.PENDING.name())
                .setParameter(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        if (written == 1) {
            audit.record(Actor.system(SYSTEM), TicketRecorder.ENTITY, t.id, "RECEIPT_QUEUED", null,
                    Map.of("ticketNumber", t.ticketNumber, "receiptId", id.toString(), "kind", kind.name()));
        }
    }

    private static String departmentName(Ticket t) {
        Department lead = t.leadDepartmentCode == null ? null : Department.findById(t.leadDepartmentCode);
        return lead == null ? "承办单位" : lead.nameZh;
    }
}
