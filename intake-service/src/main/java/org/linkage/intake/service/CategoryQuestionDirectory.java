package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.events.CategoryQuestion;
import org.linkage.intake.repository.AnnouncedCategoryQuestions;
import org.linkage.intake.repository.AnnouncedCategoryQuestionsRepository;

import java.util.List;
import java.util.Map;

/**
 * The questions intake asks per category: only what the router announced (messaging.CategoryQuestionListener).
 * Unlike the districts there is no shipped fallback: until the router speaks a category asks nothing, so a call is
 * never refused for a question its owner did not set.
 */
@ApplicationScoped
public class CategoryQuestionDirectory {
    private final AnnouncedCategoryQuestionsRepository announced;

    public CategoryQuestionDirectory(AnnouncedCategoryQuestionsRepository announced) {
        this.announced = announced;
    }

    public List<CategoryQuestion> of(String categoryCode) {
        if (categoryCode == null) {
            return List.of();
        }
        AnnouncedCategoryQuestions a = announced.findById(categoryCode);
        return a == null ? List.of() : CategoryQuestionJson.questions(a.questions);
    }

    /**
     * The answers as they are referred, checked against the category's questions.
     *
     * @param referring true where the call goes to 12345: then every required question must be answered
     * @throws ProblemException 400 naming {@code attributes.<code>}
     */
    public Map<String, String> checked(String categoryCode, Map<String, String> given, boolean referring) {
        return CategoryQuestionJson.checked(of(categoryCode), given, referring);
    }
}
