package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A unit's ready answer for a category (答复模板), as it stands; its saved texts are {@link ReplyTemplateVersion}s. */
@Entity
@Table(name = "reply_template")
public class ReplyTemplate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "title_zh")
    public String titleZh;
    @Column(name = "body_zh")
    public String bodyZh;
    public int version;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
