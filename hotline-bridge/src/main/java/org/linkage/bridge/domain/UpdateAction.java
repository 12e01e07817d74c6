package org.linkage.bridge.domain;

/** What a department system can report about a ticket; the router maps each onto a transition. */
public enum UpdateAction {
    /** 签收: the department accepts the ticket. */
    SIGN,
    /** 办理中: work under way, with a progress note. */
    PROGRESS,
    /** 回复: the department's answer to the caller's matter. */
    REPLY,
    /** 退单: sent back as misrouted, with a reason. */
    RETURN;

    /** The free-text field this action cannot do without, or null. */
    public String requiredField() {
        return switch (this) {
            case SIGN -> null;
            case PROGRESS -> "note";
            case REPLY -> "answer";
            case RETURN -> "reason";
        };
    }
}
