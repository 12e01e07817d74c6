package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.linkage.events.Urgency;
import org.linkage.router.domain.DeliveryResult;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.domain.TerminationGround;
import org.linkage.router.domain.TicketStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "call_number")
    public String callNumber;
    public String channel;
    @Column(name = "category_code")
    public String categoryCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String content;
    public String address;
    @Column(name = "district_code")
    public String districtCode;
    public Double latitude;
    public Double longitude;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "caller_name")
    public String callerName;
    public String email;
    /** The number as HMAC-SHA256 under the key shared with intake: what a caller's history matches on. */
    @Column(name = "caller_hash")
    public String callerHash;
    /** The caller's retrieval code from their 110 call: the secret half of the public case look-up. */
    @Column(name = "retrieval_code")
    public String retrievalCode;
    @Column(name = "receipts_opt_out")
    public boolean receiptsOptOut;
    /** 保密: the caller's contact never reaches a department; 12345 calls back (see Confidentiality). */
    public boolean confidential;
    /** The answers to the category's questions (分类必填项) the ticket was made with: a JSON object of strings. */
    @Column(columnDefinition = "text")
    public String attributes;
    /**
     * The caller's own photo link (Open311 {@code media_url}), checked by {@code MediaLink} and never fetched: shown
     * to who may read the ticket, never sent out (webhooks and Open311 carry the router's expiring links only).
     */
    @Column(name = "caller_media_url")
    public String callerMediaUrl;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    /** Dispatch version: 1 on first dispatch, +1 on each re-dispatch. */
    public int version;
    @Column(name = "rule_id")
    public Long ruleId;
    @Column(name = "lead_department_code")
    public String leadDepartmentCode;
    @Column(name = "callback_required")
    public boolean callbackRequired;
    @Column(name = "pending_reason")
    public String pendingReason;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "sign_by")
    public Instant signBy;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    @Column(name = "return_by")
    public Instant returnBy;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Column(name = "replied_at")
    public Instant repliedAt;
    public String answer;
    @Column(name = "reply_working_minutes")
    public Long replyWorkingMinutes;
    @Column(name = "called_back_at")
    public Instant calledBackAt;
    public Boolean satisfied;
    public Boolean solved;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "returned_count")
    public int returnedCount;
    @Column(name = "reopened_count")
    public int reopenedCount;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public DeliveryResult deliveryStatus;
    @Column(name = "master_ticket_id")
    public UUID masterTicketId;
    /** Whether a ticket was ever merged into this one, so only then are merged tickets looked up (V14). */
    @Column(name = "has_merged_tickets")
    public boolean hasMergedTickets;
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    @Column(name = "duplicate_score")
    public Double duplicateScore;
    /** The highest supervision step taken on the ticket so far. */
    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_level")
    public SupervisionStep supervisionLevel;
    @Column(name = "next_supervision_at")
    public Instant nextSupervisionAt;
    /** Since when the clock is held (the current pause or park began); null while it runs. */
    @Column(name = "clock_since")
    public Instant clockSince;
    /** When a held clock runs again by itself: the approved end of the pause, or the parked ticket's return. */
    @Column(name = "clock_until")
    public Instant clockUntil;
    /** Working minutes the ticket spent paused or parked, left out of its reply time. */
    @Column(name = "held_working_minutes")
    public long heldWorkingMinutes;
    @Column(name = "terminated_at")
    public Instant terminatedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "termination_ground")
    public TerminationGround terminationGround;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<Ticket> byNumber(String number) {
        return find("ticketNumber", number).firstResultOptional();
    }

    /**
     * Whether the referral already made a ticket, without loading it (the unique {@code referral_id} index). A query
     * string of its own rather than Panache's {@code count}: Hibernate derives a count query from that one on every
     * call and translates it to SQL again, while a query string's plan is cached; this runs once per referral.
     */
    public static boolean existsForReferral(UUID referralId) {
        return !getEntityManager().createQuery("select 1 from Ticket t where t.referralId = ?1", Integer.class)
                .setParameter(1, referralId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The numbers of these tickets by id, in one statement and without loading the tickets. */
    public static Map<UUID, String> numbersOf(Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select id, ticket_number from ticket where id = any(?1)", Object[].class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, String> numbers = new HashMap<>();
        for (Object[] row : rows) {
            numbers.put((UUID) row[0], (String) row[1]);
        }
        return numbers;
    }

    public static Optional<Ticket> byReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }
}
