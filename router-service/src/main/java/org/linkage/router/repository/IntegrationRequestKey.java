package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The answer given to an Open311 request the bridge filed, kept per channel and Idempotency-Key. */
@Entity
@Table(name = "integration_request_key")
public class IntegrationRequestKey extends PanacheEntityBase {
    public static final String UNIQUE = "integration_request_key_unique";
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String channel;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_sha256")
    public String requestSha256;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;

    public static IntegrationRequestKey of(String channel, String key) {
        return find("channel = ?1 and idempotencyKey = ?2", channel, key).firstResult();
    }
}
