package org.linkage.intake.repository;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The bytes of one call attachment, apart from its description so that listing attachments never reads them. */
@Entity
@Table(name = "call_attachment_content")
public class CallAttachmentContent {
    @Id
    public UUID id;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
}
