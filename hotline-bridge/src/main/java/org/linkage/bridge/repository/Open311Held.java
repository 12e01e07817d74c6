package org.linkage.bridge.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An Open311 request held while intake's classifier could not say whether it is a police matter. */
@Entity
@Table(name = "open311_held")
public class Open311Held {
    /** The client's token, which the outcome is put on. */
    @Id
    public String token;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    /** The request as JSON ({@code Open311Service.NewRequest}). */
    @Column(nullable = false)
    public String request;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt;
    @Column(name = "last_error")
    public String lastError;
}
