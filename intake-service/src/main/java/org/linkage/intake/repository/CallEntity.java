package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Channel;
import org.linkage.intake.domain.Decision;
import org.linkage.events.Urgency;

import java.time.Instant;
import java.util.UUID;

/** A call to 110 (or an officer's report), what the classifier suggested, what was decided, and what 12345 did. */
@Entity
@Table(name = "call")
public class CallEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "call_number", nullable = false, unique = true)
    public String callNumber;
    @Column(name = "retrieval_code", nullable = false, unique = true)
    public String retrievalCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "caller_name")
    public String callerName;
    /** The number as HMAC-SHA256 under the shared key ({@code CallerHash}): what the caller's history matches on. */
    @Column(name = "caller_hash")
    public String callerHash;
    public String address;
    @Column(name = "district_code")
    public String districtCode;
    public Double latitude;
    public Double longitude;
    public String title;
    @Column(nullable = false, columnDefinition = "text")
    public String content;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "taken_by", nullable = false)
    public String takenBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "incident_number")
    public String incidentNumber;
    /** The caller wants no text-message receipts; carried on the referral to the router, which sends them. */
    @Column(name = "receipts_opt_out", nullable = false)
    public boolean receiptsOptOut;
    /** 保密: the caller's identity is kept from the department; carried on the referral, enforced by the router. */
    @Column(nullable = false)
    public boolean confidential;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(name = "suggested_disposition", nullable = false)
    public Disposition suggestedDisposition;
    @Column(name = "suggested_category")
    public String suggestedCategory;
    @Column(nullable = false)
    public double confidence;
    /** The caller's answers to the category's questions (分类必填项): a JSON object of strings, or null. */
    @Column(columnDefinition = "text")
    public String attributes;
    /** JSON array of the classifier's signals. */
    @Column(columnDefinition = "text")
    public String signals;
    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;
    @Enumerated(EnumType.STRING)
    public Disposition disposition;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "referred_at")
    public Instant referredAt;

    /** JSON list of the knowledge-base articles a call closed as ANSWERED cited ({id, version, title}). */
    @Column(name = "answer_articles", columnDefinition = "text")
    public String answerArticles;
    @Column(name = "answer_note")
    public String answerNote;

    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "ticket_status")
    public String ticketStatus;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "department_name")
    public String departmentName;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    @Column(name = "final_answer", columnDefinition = "text")
    public String finalAnswer;
    @Column(name = "ticket_updated_at")
    public Instant ticketUpdatedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;

    @Version
    public long version;
}
