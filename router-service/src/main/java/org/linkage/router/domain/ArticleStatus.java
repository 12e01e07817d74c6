package org.linkage.router.domain;

/**
 * The review state of one version of a knowledge article. Only a {@code PUBLISHED} version is shown to readers;
 * a published version replaced by a newer one becomes {@code SUPERSEDED}, an unpublished one replaced by a newer
 * edit {@code WITHDRAWN}. Both stay readable in the article's history.
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, REJECTED, SUPERSEDED, WITHDRAWN;

    /** Still open: a newer edit withdraws it. A rejected version keeps its state and the reviewer's reason. */
    public boolean unpublished() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
