package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A category's questions as the router last announced them (CategoryQuestionsChanged). */
@Entity
@Table(name = "announced_category_questions")
public class AnnouncedCategoryQuestions extends PanacheEntityBase {
    @Id
    @Column(name = "category_code")
    public String categoryCode;
    @Column(nullable = false)
    public int version;
    /** JSON array of {@link org.linkage.events.CategoryQuestion}. */
    @Column(nullable = false, columnDefinition = "text")
    public String questions;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
