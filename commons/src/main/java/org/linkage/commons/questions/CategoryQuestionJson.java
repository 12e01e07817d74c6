package org.linkage.commons.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.events.CategoryAnswers;
import org.linkage.events.CategoryQuestion;

import java.util.List;
import java.util.Map;

/**
 * Category questions (分类必填项) and their answers as the services store them: a question set as a JSON array of
 * {@link CategoryQuestion}, a call's or ticket's answers as a JSON object keyed by question code. The router writes
 * the sets it owns, intake the copies it was announced; both read them and check answers here, so the two stores
 * cannot drift apart. How an answer is checked is {@link CategoryAnswers}, beside the contract.
 */
public final class CategoryQuestionJson {
    // a plain mapper of its own: entities' mapping code calls these helpers outside any bean
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final TypeReference<List<CategoryQuestion>> QUESTIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private CategoryQuestionJson() {
    }

    /** A stored question set. */
    public static List<CategoryQuestion> questions(String json) {
        try {
            return JSON.readValue(json, QUESTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable category questions", e);
        }
    }

    /** A question set (or any value of the contract) as it is stored. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers as they are stored: null for none, so a call or ticket without answers has no attributes. */
    public static String answersJson(Map<String, String> answers) {
        return answers == null || answers.isEmpty() ? null : write(answers);
    }

    /** Stored answers; empty for none. */
    public static Map<String, String> answers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers to category questions", e);
        }
    }

    /**
     * The answers as they travel, checked against the questions.
     *
     * @param requireAnswers true where the matter goes to 12345: then every required question must be answered
     * @throws ProblemException 400 naming {@code attributes.<code>} for the first refused answer (all are listed)
     */
    public static Map<String, String> checked(List<CategoryQuestion> questions, Map<String, String> given,
                                              boolean requireAnswers) {
        CategoryAnswers.Result r = CategoryAnswers.check(questions, given, requireAnswers);
        if (!r.ok()) {
            List<Problem.FieldError> errors = r.errors().stream()
                    .map(e -> new Problem.FieldError(e.field(), e.message())).toList();
            throw new ProblemException(400, "Invalid request", errors.get(0).field() + ": " + errors.get(0).message(),
                    errors, null);
        }
        return r.answers();
    }
}
