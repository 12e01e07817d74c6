package org.linkage.router.domain;

/** 一般 / 紧急 / 特急, in rising order of urgency. */
public enum Urgency {
    NORMAL("一般"), URGENT("紧急"), EXTRA_URGENT("特急");

    private final String nameZh;

    Urgency(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Urgency mostUrgent(Urgency a, Urgency b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
