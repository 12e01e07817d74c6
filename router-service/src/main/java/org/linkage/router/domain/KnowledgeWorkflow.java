package org.linkage.router.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to a knowledge article, and which review steps follow which (GB/T 44191-2024 asks for a review
 * before an article reaches the people answering callers).
 * <ul>
 *   <li>Edit (a new version), submit for review: administrators for any unit; department agents only for their
 *       own unit's articles.</li>
 *   <li>Review (publish or reject): administrators and supervisors (the hotline's quality control), never the
 *       person who wrote the version under review: a second pair of eyes is the point of the step.</li>
 * </ul>
 */
public final class KnowledgeWorkflow {
    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String DEPT_AGENT = "dept-agent";

    public enum Step { SUBMIT, APPROVE, REJECT }

    private KnowledgeWorkflow() {
    }

    public static boolean canEdit(Set<String> roles, String ownUnit, String articleUnit) {
        if (roles.contains(ADMIN)) {
            return true;
        }
        return roles.contains(DEPT_AGENT) && ownUnit != null && ownUnit.equals(articleUnit);
    }

    public static boolean canReview(Set<String> roles) {
        return roles.contains(ADMIN) || roles.contains(SUPERVISOR);
    }

    /** The state a step leads to from {@code from}, or empty when the step is not possible from there. */
    public static Optional<ArticleStatus> next(ArticleStatus from, Step step) {
        return Optional.ofNullable(switch (step) {
            case SUBMIT -> from == ArticleStatus.DRAFT ? ArticleStatus.IN_REVIEW : null;
            case APPROVE -> from == ArticleStatus.IN_REVIEW ? ArticleStatus.PUBLISHED : null;
            case REJECT -> from == ArticleStatus.IN_REVIEW ? ArticleStatus.REJECTED : null;
        });
    }

    /** The author of a version may not review it; reviewing is checked against the version's own author. */
    public static boolean mayReview(Set<String> roles, String reviewer, String author) {
        return canReview(roles) && !reviewer.equals(author);
    }
}
