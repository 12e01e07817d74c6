package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.router.domain.ArticleStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of an article. Its content is never changed after it is written; only its review state moves. */
@Entity
@Table(name = "knowledge_version")
public class KnowledgeVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id")
    public Long articleId;
    public int version;
    @Enumerated(EnumType.STRING)
    public ArticleStatus status;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "title_zh")
    public String titleZh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "body_zh")
    public String bodyZh;
    @Column(name = "body_en")
    public String bodyEn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] keywords;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "search_text")
    public String searchText;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] bigrams;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "review_note")
    public String reviewNote;

    public static Optional<KnowledgeVersion> of(long articleId, int version) {
        return find("articleId = ?1 and version = ?2", articleId, version).firstResultOptional();
    }

    public static List<KnowledgeVersion> history(long articleId) {
        return list("articleId = ?1 order by version", articleId);
    }

    /** Valid on {@code day}: from its first day to its last, both included. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
