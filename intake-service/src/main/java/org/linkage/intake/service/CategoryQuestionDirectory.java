package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.events.CategoryAnswers;
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
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final TypeReference<List<CategoryQuestion>> QUESTIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final AnnouncedCategoryQuestionsRepository announced;

    public CategoryQuestionDirectory(AnnouncedCategoryQuestionsRepository announced) {
        this.announced = announced;
    }

    public List<CategoryQuestion> of(String categoryCode) {
        if (categoryCode == null) {
            return List.of();
        }
        AnnouncedCategoryQuestions a = announced.findById(categoryCode);
        return a == null ? List.of() : read(a.questions);
    }

    /**
     * The answers as they are referred, checked against the category's questions.
     *
     * @param referring true where the call goes to 12345: then every required question must be answered
     * @throws ProblemException 400 naming {@code attributes.<code>}
     */
    public Map<String, String> checked(String categoryCode, Map<String, String> given, boolean referring) {
        CategoryAnswers.Result r = CategoryAnswers.check(of(categoryCode), given, referring);
        if (!r.ok()) {
            List<Problem.FieldError> errors = r.errors().stream()
                    .map(e -> new Problem.FieldError(e.field(), e.message())).toList();
            throw new ProblemException(400, "Invalid request", errors.get(0).field() + ": " + errors.get(0).message(),
                    errors, null);
        }
        return r.answers();
    }

    static List<CategoryQuestion> read(String json) {
        try {
            return JSON.readValue(json, QUESTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable category questions", e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String answersJson(Map<String, String> answers) {
        return answers == null || answers.isEmpty() ? null : write(answers);
    }

    public static Map<String, String> answers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable call attributes", e);
        }
    }
}
