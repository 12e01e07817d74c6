package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The bytes of one attachment, apart from its description so that listing attachments never reads them. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
}
