package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.privacy.Masking;
import org.linkage.commons.security.Actor;
import org.linkage.router.repository.CallerReceipt;
import org.linkage.router.repository.Ticket;

import java.time.Instant;
import java.util.List;

/** Receipts of one ticket, the number masked: the message itself is what the caller was told. */
@ApplicationScoped
public class ReceiptQueries {
    private final TicketAccess access;

    public ReceiptQueries(TicketAccess access) {
        this.access = access;
    }

    public record ReceiptView(String id, String kind, int round, String phone, String language, String message,
                              String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    @Transactional
    public List<ReceiptView> of(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        // The retrieval code is the caller's key to their case: staff read the message without it.
        String code = t.retrievalCode;
        return CallerReceipt.of(t.id).stream().map(r -> new ReceiptView(r.id.toString(), r.kind.name(), r.round,
                Masking.phone(r.phone), r.language, code == null ? r.message : r.message.replace(code, "********"), r.status.name(), r.attempts, r.lastError, r.createdAt,
                r.sentAt)).toList();
    }
}
