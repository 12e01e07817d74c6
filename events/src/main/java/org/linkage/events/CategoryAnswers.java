package org.linkage.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a call's or request's answers against its category's questions and writes them the one way they travel:
 * a NUMBER as a plain decimal ({@code 20000.5}), a DATE as {@code yyyy-MM-dd}, a CHOICE as the choice's key, TEXT
 * trimmed. Here, beside the contract, because intake, the router and the bridge must agree on it to the letter.
 */
public final class CategoryAnswers {
    /** The most answers a call may carry, and the longest answer: a form, not a document. */
    public static final int MAX_ANSWERS = 20;
    public static final int MAX_LENGTH = 500;

    /** A refused answer: {@code field} is {@code attributes.<code>}, the message Chinese first. */
    public record Error(String field, String message) {
    }

    /** The answers as they travel, or the errors that refuse them (never both). */
    public record Result(Map<String, String> answers, List<Error> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private CategoryAnswers() {
    }

    /**
     * @param requireAnswers false to check only what was answered (a call not yet referred: its category may still
     *                       change); true where the ticket is made, so a required question must be answered
     */
    public static Result check(List<CategoryQuestion> questions, Map<String, String> given, boolean requireAnswers) {
        Map<String, String> in = given == null ? Map.of() : given;
        List<Error> errors = new java.util.ArrayList<>();
        Map<String, CategoryQuestion> byCode = new LinkedHashMap<>();
        for (CategoryQuestion q : questions) {
            byCode.put(q.code(), q);
        }
        if (in.size() > MAX_ANSWERS) {
            errors.add(new Error("attributes", "最多" + MAX_ANSWERS + "项 / at most " + MAX_ANSWERS + " answers"));
            return new Result(Map.of(), errors);
        }
        for (String code : in.keySet()) {
            if (!byCode.containsKey(code)) {
                errors.add(new Error("attributes." + code, "该类别没有此项 / not a question of this category"));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (CategoryQuestion q : questions) {
            String field = "attributes." + q.code();
            String raw = in.get(q.code());
            if (raw == null || raw.isBlank()) {
                if (q.required() && requireAnswers) {
                    errors.add(new Error(field, "必填：" + q.labelZh() + " / required: " + q.labelEn()));
                }
                continue;
            }
            String value = raw.strip();
            if (value.length() > MAX_LENGTH) {
                errors.add(new Error(field, "最长" + MAX_LENGTH + "字 / at most " + MAX_LENGTH + " characters"));
                continue;
            }
            try {
                out.put(q.code(), normalise(q, value));
            } catch (IllegalArgumentException e) {
                errors.add(new Error(field, e.getMessage()));
            }
        }
        return errors.isEmpty() ? new Result(Map.copyOf(out), List.of()) : new Result(Map.of(), List.copyOf(errors));
    }

    private static String normalise(CategoryQuestion q, String value) {
        switch (q.datatype()) {
            case CategoryQuestion.NUMBER -> {
                try {
                    BigDecimal n = new BigDecimal(value.replace(",", "").replace("，", ""));
                    if (n.signum() < 0) {
                        throw new IllegalArgumentException("不能为负数 / must not be negative");
                    }
                    return n.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("须为数字 / must be a number, e.g. 20000");
                }
            }
            case CategoryQuestion.DATE -> {
                try {
                    return LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("须为日期，如2026-11-28 / must be a date such as 2026-11-28");
                }
            }
            case CategoryQuestion.CHOICE -> {
                for (CategoryQuestion.Choice c : q.values()) {
                    if (c.key().equals(value)) {
                        return value;
                    }
                }
                throw new IllegalArgumentException("须为以下之一 / must be one of "
                        + q.values().stream().map(CategoryQuestion.Choice::key).toList());
            }
            default -> {
                return value;
            }
        }
    }
}
