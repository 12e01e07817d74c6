package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One HTTP attempt (or one deferral by an open circuit) of a delivery. Never updated. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(name = "attempt_no", nullable = false)
    public int attemptNo;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "latency_ms")
    public Long latencyMs;
    @Column(name = "response_code")
    public Integer responseCode;
    /** SUCCESS, FAILED (transient), REJECTED (permanent), TIMEOUT, UNREACHABLE. */
    @Column(nullable = false)
    public String outcome;
    public String error;
    @Column(name = "external_ref")
    public String externalRef;
}
