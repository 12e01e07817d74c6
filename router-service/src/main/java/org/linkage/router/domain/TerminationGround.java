package org.linkage.router.domain;

/** Why handling may end without a solution (终止办理), after review. */
public enum TerminationGround {
    /** 诉求不合法: the demand has no lawful basis. */
    UNLAWFUL_DEMAND("诉求不合法"),
    /** 诉求人拒绝联系: the caller refuses all contact, so the matter cannot be verified or answered. */
    CALLER_REFUSES_CONTACT("诉求人拒绝一切联系");

    private final String nameZh;

    TerminationGround(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
