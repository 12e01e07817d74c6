package org.linkage.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Appends to the audit trail inside the caller's transaction, so a change and its entry commit together. */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager em;
    private final CurrentActor currentActor;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(EntityManager em, CurrentActor currentActor, ObjectMapper json, Clock clock) {
        this.em = em;
        this.currentActor = currentActor;
        this.json = json;
        this.clock = clock;
    }

    /** Records an action by whoever is behind the current request (or {@code system:component}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, String reason, Map<String, ?> details,
                       String systemComponent) {
        record(currentActor.get(systemComponent), entityType, entityId, action, reason, details);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String entityType, Object entityId, String action, String reason,
                       Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.action = action;
        entry.actor = actor.name();
        entry.actorRoles = actor.roles().isEmpty() ? null : String.join(",", new TreeSet<>(actor.roles()));
        entry.reason = reason;
        entry.details = toJson(details);
        entry.at = clock.instant();
        em.persist(entry);
    }

    public List<AuditRecord> of(String entityType, Object entityId) {
        return em.createQuery("from AuditEntry a where a.entityType = ?1 and a.entityId = ?2 order by a.at, a.id",
                        AuditEntry.class)
                .setParameter(1, entityType)
                .setParameter(2, String.valueOf(entityId))
                .getResultStream().map(AuditRecord::of).toList();
    }

    private String toJson(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }
}
