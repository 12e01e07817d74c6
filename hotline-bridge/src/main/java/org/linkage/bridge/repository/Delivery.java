package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.DeliveryKind;
import org.linkage.bridge.domain.DeliveryStatus;

import java.time.Instant;
import java.util.UUID;

/** One version of one ticket, or a notice of a file added to it, to be delivered to one department system. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;
    @Column(name = "ticket_number", nullable = false)
    public String ticketNumber;
    /** For a notice: the version the unit held when the file was added. */
    @Column(name = "ticket_version", nullable = false)
    public int ticketVersion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryKind kind = DeliveryKind.TICKET;
    /** The file a notice tells of; null for a ticket version. */
    @Column(name = "attachment_id")
    public UUID attachmentId;
    @Column(name = "department_code", nullable = false)
    public String departmentCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Adapter adapter;
    @Column(name = "endpoint_url")
    public String endpointUrl;
    @Column(name = "category_code")
    public String categoryCode;
    /** The ticket (or notice) as sent, kept so every retry sends the same body; links are added per attempt. */
    @Column(nullable = false)
    public String payload;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    /** Attempts in the current round (a replay from the dead letters starts a new round). */
    @Column(nullable = false)
    public int attempts;
    /** Attempts ever made, every round included: numbers the attempts in {@code delivery_attempt}. */
    @Column(name = "attempts_made", nullable = false)
    public int attemptsMade;
    @Column(name = "last_response_code")
    public Integer lastResponseCode;
    @Column(name = "last_latency_ms")
    public Long lastLatencyMs;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "claim_token")
    public UUID claimToken;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** Open311 departments only: the GeoReport status last read from their server. */
    @Column(name = "remote_status")
    public String remoteStatus;
    @Column(name = "remote_checked_at")
    public Instant remoteCheckedAt;
    /** W3C trace context of the dispatch this delivery came from; every attempt continues that trace. */
    public String traceparent;
    public String tracestate;
}
