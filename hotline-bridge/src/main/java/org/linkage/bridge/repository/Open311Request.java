package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as Open311 clients see it, kept from the router's events so reads need the router only for the photo links.
 * Holds no caller name or phone: GeoReport requests are readable by every client with a key.
 */
@Entity
@Table(name = "open311_request")
public class Open311Request extends PanacheEntityBase {
    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "service_request_id", nullable = false)
    public String serviceRequestId;
    /** {@code open} or {@code closed}. */
    @Column(nullable = false)
    public String status;
    @Column(name = "ticket_status", nullable = false)
    public String ticketStatus;
    @Column(name = "status_notes")
    public String statusNotes;
    @Column(name = "service_code")
    public String serviceCode;
    public String description;
    @Column(name = "agency_responsible")
    public String agencyResponsible;
    public String address;
    @Column(name = "district_code")
    public String districtCode;
    public Double lat;
    public Double lon;
    public String channel;
    /** The client's https link to its photo, kept as a link (never fetched); null when it sent none. */
    @Column(name = "media_url")
    public String mediaUrl;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "expected_at")
    public Instant expectedAt;
    /** {@code CaseCodes} hash of the caller's retrieval code; null when the ticket has none (no public look-up). */
    @Column(name = "retrieval_hash")
    public String retrievalHash;
    /** The unit's answer, public by nature. */
    public String answer;
    @Column(name = "department_name_zh")
    public String departmentNameZh;
    @Column(name = "department_name_en")
    public String departmentNameEn;
}
