package org.linkage.console.view;

import java.util.List;

/**
 * A category's extra questions (分类必填项) as an administrator edits them: what intake, the console and Open311 ask
 * for the category, in one version.
 */
public record QuestionSetEdit(String categoryCode, int version, List<Question> questions, String createdAt,
                              String createdBy) {

    /** One question; {@code values} are the choices of a CHOICE question. */
    public record Question(String code, String datatype, boolean required, String labelZh, String labelEn,
                           List<Choice> values) {
    }

    public record Choice(String key, String nameZh, String nameEn) {
    }
}
