package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CallAttachmentRepository implements PanacheRepositoryBase<CallAttachment, UUID> {
    public List<CallAttachment> ofCall(UUID callId) {
        return list("callId = ?1 order by uploadedAt, id", callId);
    }

    public long countOf(UUID callId) {
        // a query string, whose plan Hibernate caches (Panache's count translates a derived query on every call)
        return getEntityManager().createQuery("select count(*) from CallAttachment a where a.callId = ?1", Long.class)
                .setParameter(1, callId).getSingleResult();
    }

    /**
     * Attachments of referred calls whose ticket is known and that have not reached it yet, oldest first: what the
     * forwarding worker sends to the router next.
     */
    public List<Object[]> dueForTicket(int limit) {
        return getEntityManager().createQuery("select a, c.ticketNumber from CallAttachment a, CallEntity c"
                        + " where a.callId = c.id and a.forwardedAt is null and a.forwardRefused is null and c.ticketNumber is not null"
                        + " order by a.uploadedAt, a.id", Object[].class)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Files still waiting whose call will never have a 12345 ticket: decided POLICE or INVALID (110 keeps it or
     * nothing is to be done), or answered on the spot. A decision is final, so they can be settled for good and
     * leave the forwarding scan's partial index instead of staying in it for ever.
     */
    public List<CallAttachment> waitingWithoutTicketToCome(int limit) {
        return getEntityManager().createQuery("select a from CallAttachment a, CallEntity c"
                        + " where a.callId = c.id and a.forwardedAt is null and a.forwardRefused is null"
                        + " and c.ticketNumber is null and (c.decision = :answered"
                        + " or (c.decision <> :pending and c.disposition in (:kept)))"
                        + " order by a.uploadedAt, a.id", CallAttachment.class)
                .setParameter("answered", org.linkage.intake.domain.Decision.ANSWERED)
                .setParameter("pending", org.linkage.intake.domain.Decision.PENDING)
                .setParameter("kept", List.of(org.linkage.intake.classification.Disposition.POLICE,
                        org.linkage.intake.classification.Disposition.INVALID))
                .setMaxResults(limit).getResultList();
    }

    public void putContent(UUID id, byte[] content) {
        CallAttachmentContent c = new CallAttachmentContent();
        c.id = id;
        c.content = content;
        getEntityManager().persist(c);
    }

    public Optional<byte[]> content(UUID id) {
        EntityManager em = getEntityManager();
        return Optional.ofNullable(em.find(CallAttachmentContent.class, id)).map(c -> c.content);
    }
}
