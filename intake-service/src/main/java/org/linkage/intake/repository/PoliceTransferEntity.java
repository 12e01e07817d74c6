package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A police matter handed back by 12345, waiting in the call-takers' queue until one accepts it. */
@Entity
@Table(name = "police_transfer")
public class PoliceTransferEntity extends PanacheEntityBase {
    public enum State { WAITING, ACCEPTED }

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "call_id")
    public UUID callId;
    @Column(nullable = false)
    public String origin;
    public String reason;
    @Column(columnDefinition = "text")
    public String content;
    public String address;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "caller_name")
    public String callerName;
    @Column(name = "transferred_by")
    public String transferredBy;
    @Column(name = "transferred_at", nullable = false)
    public Instant transferredAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "accepted_by")
    public String acceptedBy;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "incident_number")
    public String incidentNumber;
    public String note;
    @Version
    public long version;
}
