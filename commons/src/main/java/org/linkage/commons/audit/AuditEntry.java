package org.linkage.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change to a call or ticket (or one sensitive read): who, when, what and why. Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    /**
     * From the identity column's own sequence, fifty numbers at a time (R__audit_id_blocks.sql), so that entries wait
     * for the flush and go out in one batch instead of one insert per entry, each at once to learn its id. With blocks
     * per replica the ids no longer follow time across replicas: the trail reads in order of {@link #at}.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_id")
    @SequenceGenerator(name = "audit_entry_id", sequenceName = "audit_entry_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_roles")
    public String actorRoles;

    public String reason;

    @Column(columnDefinition = "text")
    public String details;

    @Column(nullable = false)
    public Instant at;
}
