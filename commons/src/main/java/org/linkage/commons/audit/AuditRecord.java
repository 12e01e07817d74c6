package org.linkage.commons.audit;

import java.time.Instant;

/** An audit entry as the API shows it. */
public record AuditRecord(String entityType, String entityId, String action, String actor, String actorRoles,
                          String reason, String details, Instant at) {
    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(e.entityType, e.entityId, e.action, e.actor, e.actorRoles, e.reason, e.details, e.at);
    }
}
