package org.linkage.intake.domain;

/** 一般 / 紧急 / 特急, as the 12345 side uses them for deadlines. */
public enum Urgency {
    NORMAL("一般"), URGENT("紧急"), EXTRA_URGENT("特急");

    private final String nameZh;

    Urgency(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
