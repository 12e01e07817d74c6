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

/** One status change of a request, for the GeoReport {@code servicerequestupdates} extension. Never updated. */
@Entity
@Table(name = "open311_update")
public class Open311Update extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;
    @Column(name = "service_request_id", nullable = false)
    public String serviceRequestId;
    @Column(nullable = false)
    public String status;
    public String description;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** The router's status after the step. */
    @Column(name = "ticket_status")
    public String ticketStatus;
    /** The step's public note; the router sends no other kind. */
    @Column(name = "public_note")
    public String publicNote;
}
