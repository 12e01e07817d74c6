package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.intake.domain.ConsultationStatus;

import java.time.Instant;
import java.util.UUID;

/** A call-taker's request that 12345 take an unclear call (三方通话 in data), and 12345's answer. One per call. */
@Entity
@Table(name = "call_consultation")
public class ConsultationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "call_id", nullable = false)
    public UUID callId;
    @Column(nullable = false)
    public String note;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsultationStatus status;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    public String reason;
    @Column(name = "category_code")
    public String categoryCode;
}
