package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A knowledge-base article: its owning unit and which of its versions readers see. */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "latest_version")
    public int latestVersion;
    /** The version readers see; null until one is published. */
    @Column(name = "published_version")
    public Integer publishedVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
