package org.linkage.router.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.linkage.router.domain.ClockRequestKind;
import org.linkage.router.domain.ClockRequestStatus;
import org.linkage.router.domain.TerminationGround;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A request to pause (挂起), park (挂账) or terminate (终止办理) a ticket, and its decision. */
@Entity
@Table(name = "clock_request")
public class ClockRequest extends TicketRequest {
    @Enumerated(EnumType.STRING)
    public ClockRequestKind kind;
    @Enumerated(EnumType.STRING)
    public ClockRequestStatus status;
    @Column(name = "pause_until")
    public Instant pauseUntil;
    @Column(name = "plan_date")
    public LocalDate planDate;
    @Enumerated(EnumType.STRING)
    public TerminationGround ground;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_by")
    public String endedBy;

    public static Optional<ClockRequest> pending(UUID ticketId) {
        return find("ticketId = ?1 and status = ?2", ticketId, ClockRequestStatus.PENDING).firstResultOptional();
    }

    public static List<ClockRequest> of(UUID ticketId) {
        return list("ticketId = ?1 order by requestedAt", ticketId);
    }

    /** The approved pause or park now running on the ticket, if any. */
    public static Optional<ClockRequest> running(UUID ticketId, ClockRequestKind kind) {
        return find("ticketId = ?1 and kind = ?2 and status = ?3 and endedAt is null order by startedAt desc",
                ticketId, kind, ClockRequestStatus.APPROVED).firstResultOptional();
    }

    /** The pauses approved on a ticket and the time they took (a running one up to its approved end). */
    public record PauseUse(int count, Duration total) {
    }

    public static PauseUse pauses(UUID ticketId) {
        List<ClockRequest> approved = list("ticketId = ?1 and kind = ?2 and status = ?3", ticketId,
                ClockRequestKind.PAUSE, ClockRequestStatus.APPROVED);
        Duration total = Duration.ZERO;
        for (ClockRequest p : approved) {
            Instant end = p.endedAt != null ? p.endedAt : p.pauseUntil;
            if (p.startedAt != null && end != null && end.isAfter(p.startedAt)) {
                total = total.plus(Duration.between(p.startedAt, end));
            }
        }
        return new PauseUse(approved.size(), total);
    }
}
