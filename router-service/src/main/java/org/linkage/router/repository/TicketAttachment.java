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

    public static long countOf(UUID ticketId) {
        return count("ticketId", ticketId);
    }

    public static boolean anyByUnit(UUID ticketId, String departmentCode) {
        return count("ticketId = ?1 and departmentCode = ?2", ticketId, departmentCode) > 0;
    }
}
