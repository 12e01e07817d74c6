package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an attachment of a ticket is and who put it there; its bytes are in the {@code AttachmentStore}. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "file_name")
    public String fileName;
    /** As sniffed from the bytes, never as the client declared it. */
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    /** Of the stored (cleaned) bytes. */
    public String sha256;
    /** The uploader's unit, or null for a dispatcher or supervisor. */
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public static List<TicketAttachment> of(UUID ticketId) {
        return list("ticketId = ?1 order by uploadedAt, id", ticketId);
    }

    // Query strings, whose plans Hibernate caches: Panache's count derives a count query and translates it to SQL
    // again on every call, and these run on every dispatch.
    public static long countOf(UUID ticketId) {
        return getEntityManager().createQuery("select count(*) from TicketAttachment a where a.ticketId = ?1", Long.class)
                .setParameter(1, ticketId).getSingleResult();
    }

    public static boolean anyByUnit(UUID ticketId, String departmentCode) {
        return !getEntityManager().createQuery(
                        "select 1 from TicketAttachment a where a.ticketId = ?1 and a.departmentCode = ?2", Integer.class)
                .setParameter(1, ticketId).setParameter(2, departmentCode).setMaxResults(1).getResultList().isEmpty();
    }
}
