package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.router.domain.ConsultationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A 110 call sent to 12345 for a decision (三方通话 in data); not to be confused with {@link Consultation}, a call
 * 110 answered from the knowledge base.
 */
@Entity
@Table(name = "consultation_request")
public class ConsultationRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "call_id", nullable = false)
    public UUID callId;
    @Column(name = "call_number", nullable = false)
    public String callNumber;
    @Column(name = "suggested_disposition")
    public String suggestedDisposition;
    @Column(name = "category_code")
    public String categoryCode;
    public String content;
    public String address;
    @Column(name = "district_code")
    public String districtCode;
    @Column(nullable = false)
    public String note;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsultationStatus status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String reason;
    /** On acceptance, the category the dispatcher chose (null: the suggestion's). */
    @Column(name = "accepted_category")
    public String acceptedCategory;
    /** The ticket the accepted call became, once its referral arrived. */
    @Column(name = "ticket_number")
    public String ticketNumber;

    public static List<ConsultationRequest> byStatus(ConsultationStatus status, int limit) {
        return find(status == ConsultationStatus.PENDING ? "status = ?1 order by expiresAt, id"
                : "status = ?1 order by decidedAt desc, id", status).page(0, limit).list();
    }

    public static Optional<ConsultationRequest> acceptedFor(UUID callId) {
        return find("callId = ?1 and status = ?2", callId, ConsultationStatus.ACCEPTED).firstResultOptional();
    }
}
