package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AnnouncedCategoryQuestionsRepository implements PanacheRepositoryBase<AnnouncedCategoryQuestions, String> {
}
