package org.linkage.router.repository;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.linkage.router.domain.ExtensionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** 延期申请: a department asks for a later resolve deadline; a supervisor decides. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends TicketRequest {
    @Column(name = "requested_resolve_by")
    public Instant requestedResolveBy;
    @Column(name = "previous_resolve_by")
    public Instant previousResolveBy;
    @Enumerated(EnumType.STRING)
    public ExtensionStatus status;
}
