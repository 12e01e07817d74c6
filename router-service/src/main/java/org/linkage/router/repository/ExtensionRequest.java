package org.linkage.router.repository;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.linkage.router.domain.ExtensionStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 延期申请: a department asks for a later resolve deadline; a supervisor decides. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String reason;
    @Column(name = "requested_resolve_by")
    public Instant requestedResolveBy;
    @Column(name = "previous_resolve_by")
    public Instant previousResolveBy;
    @Enumerated(EnumType.STRING)
    public ExtensionStatus status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
}
