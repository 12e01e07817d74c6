package org.linkage.intake.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A knowledge-base article (owned by the router) that an answer cited, as the call-taker saw it: the version and
 * title are kept so the call's record says what the caller was told even after the article changes.
 */
@Schema(name = "CitedArticle", description = "答复引用的知识库文章 / a knowledge-base article the answer cited")
public record CitedArticle(
        @Schema(example = "12", required = true) Long id,
        @Schema(example = "3", required = true) Integer version,
        @Schema(example = "被拖欠工资怎么办", required = true, maxLength = 200) String title) {

    /**
     * Checked here rather than by bean validation, so a refusal names the element as a client writes it
     * ({@code articles[1].id}).
     */
    public static void check(java.util.List<CitedArticle> articles) {
        for (int i = 0; i < articles.size(); i++) {
            CitedArticle a = articles.get(i);
            String at = "articles[" + i + "]";
            if (a == null) {
                throw org.linkage.commons.problem.ProblemException.badRequest(at, "必填 / required");
            }
            if (a.id() == null || a.id() < 1) {
                throw org.linkage.commons.problem.ProblemException.badRequest(at + ".id", "须为正整数 / a positive article id");
            }
            if (a.version() == null || a.version() < 1) {
                throw org.linkage.commons.problem.ProblemException.badRequest(at + ".version", "须为正整数 / a positive version");
            }
            if (a.title() == null || a.title().isBlank() || a.title().length() > 200) {
                throw org.linkage.commons.problem.ProblemException.badRequest(at + ".title", "必填，至多200字 / required, at most 200 characters");
            }
        }
    }
}
