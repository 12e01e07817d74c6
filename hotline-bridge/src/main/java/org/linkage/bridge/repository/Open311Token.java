package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The token handed to an Open311 client for a request it filed, and what the request became. */
@Entity
@Table(name = "open311_token")
public class Open311Token extends PanacheEntityBase {
    @Id
    public String token;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    /** The ticket number, once the router created a ticket; null for a matter handed to the police. */
    @Column(name = "service_request_id")
    public String serviceRequestId;
    @Column(name = "police_transfer_id")
    public UUID policeTransferId;
    @Column(name = "service_notice")
    public String serviceNotice;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
