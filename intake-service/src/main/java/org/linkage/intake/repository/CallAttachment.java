package org.linkage.intake.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What an attachment of a call is and who put it there; its bytes are in {@code call_attachment_content}. */
@Entity
@Table(name = "call_attachment")
public class CallAttachment {
    @Id
    public UUID id;
    @Column(name = "call_id", nullable = false)
    public UUID callId;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    /** As sniffed from the bytes, never as the client declared it. */
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    /** Of the stored (cleaned) bytes. */
    @Column(nullable = false)
    public String sha256;
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
    /** When the file reached the call's 12345 ticket. */
    @Column(name = "forwarded_at")
    public Instant forwardedAt;
    /** Why the router refused it for good; then it is not offered again. */
    @Column(name = "forward_refused")
    public String forwardRefused;
}
