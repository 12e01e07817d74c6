package org.linkage.router.domain;

/** Why a unit disputes a ticket's counting in its figures (申诉理由). */
public enum AppealGround {
    /** 派单错误: the ticket was not the unit's to work. */
    WRONG_DISPATCH("派单错误"),
    /** 诉求人诉求不合理: what the caller asked for could not reasonably be granted. */
    UNREASONABLE_DEMAND("诉求人诉求不合理"),
    /** 其他: any other ground, which the unit must then explain in words. */
    OTHER("其他");

    private final String nameZh;

    AppealGround(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
