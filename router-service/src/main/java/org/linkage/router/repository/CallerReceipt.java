package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.router.domain.ReceiptKind;
import org.linkage.router.domain.ReceiptStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A text-message receipt to a caller: written with the ticket change, sent by {@code ReceiptWorker}. */
@Entity
@Table(name = "caller_receipt")
public class CallerReceipt extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public ReceiptKind kind;
    public int round;
    public String phone;
    public String language;
    public String message;
    @Enumerated(EnumType.STRING)
    public ReceiptStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    public static List<CallerReceipt> of(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt, kind", ticketId);
    }

    /** Locks up to {@code max} pending receipts due at {@code now}, skipping those another replica holds. */
    @SuppressWarnings("unchecked")
    public static List<CallerReceipt> lockDue(Instant now, int max) {
        // native: "for update skip locked" with a limit, which JPQL cannot say; the rows themselves, in one statement
        return getEntityManager().createNativeQuery("""
                        select * from caller_receipt where status = 'PENDING' and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""", CallerReceipt.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, max)
                .getResultList();
    }

    /** The receipts with these ids, in one statement (unknown ids are left out). */
    @SuppressWarnings("unchecked")
    public static List<CallerReceipt> byIds(Collection<UUID> ids) {
        return getEntityManager().createNativeQuery("select * from caller_receipt where id = any(?1)", CallerReceipt.class)
                .setParameter(1, ids.toArray(UUID[]::new))
                .getResultList();
    }
}
