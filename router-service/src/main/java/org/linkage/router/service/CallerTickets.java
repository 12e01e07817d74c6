package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One caller's tickets for intake's caller history, matched on the caller hash alone. What goes out is what a risk
 * rule and a call-taker need to recognise a matter coming back, and nothing personal: no phone, name, address, text,
 * answer or note. Read through the (caller_hash, created_at) index and capped, so the cost is the rows returned.
 */
@ApplicationScoped
public class CallerTickets {
    public record CallerTicket(String ticketNumber, UUID callId, String callNumber, String status, String categoryCode,
                               String districtCode, Instant createdAt, Instant closedAt, Boolean satisfied,
                               int reopenedCount, boolean handedToPolice) {
    }

    public record Answer(List<CallerTicket> tickets) {
    }

    @Transactional
    public Answer of(String callerHash, Instant from, Instant to, int limit) {
        List<Ticket> found = Ticket.<Ticket>find("callerHash = ?1 and createdAt >= ?2 and createdAt <= ?3"
                + " order by createdAt desc", callerHash, from, to).page(0, limit).list();
        return new Answer(found.stream().map(t -> new CallerTicket(t.ticketNumber, t.callId, t.callNumber,
                t.status.name(), t.categoryCode, t.districtCode, t.createdAt, t.closedAt, t.satisfied,
                t.reopenedCount, t.status == TicketStatus.TRANSFERRED_TO_POLICE)).toList());
    }
}
