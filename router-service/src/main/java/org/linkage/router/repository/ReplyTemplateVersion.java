package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One saved text of a reply template; append-only (a trigger refuses changes). */
@Entity
@Table(name = "reply_template_version")
public class ReplyTemplateVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "template_id")
    public Long templateId;
    public int version;
    @Column(name = "title_zh")
    public String titleZh;
    @Column(name = "body_zh")
    public String bodyZh;
    public boolean active;
    @Column(name = "saved_at")
    public Instant savedAt;
    @Column(name = "saved_by")
    public String savedBy;
}
