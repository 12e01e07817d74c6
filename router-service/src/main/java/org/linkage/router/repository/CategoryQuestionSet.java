package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One version of a category's questions (分类必填项); rows are never changed except to retire or announce them. */
@Entity
@Table(name = "category_question_set")
public class CategoryQuestionSet extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "category_code")
    public String categoryCode;
    public int version;
    /** JSON array of {@link org.linkage.events.CategoryQuestion}. */
    @Column(columnDefinition = "text")
    public String questions;
    @Column(name = "current_set")
    public boolean currentSet;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "announced_at")
    public Instant announcedAt;

    public static Optional<CategoryQuestionSet> currentFor(String categoryCode) {
        return find("categoryCode = ?1 and currentSet = true", categoryCode).firstResultOptional();
    }

    public static List<CategoryQuestionSet> current() {
        return list("currentSet = true order by categoryCode");
    }

    public static List<CategoryQuestionSet> versions(String categoryCode) {
        return list("categoryCode = ?1 order by version", categoryCode);
    }
}
