package org.linkage.events;

/**
 * 一般 / 紧急 / 特急, in rising order of urgency: 110 sets it on a referral, 12345 derives deadlines from it. The
 * {@code urgency} of {@link ReferralCreated} and {@link TicketDispatched} is one of these names.
 */
public enum Urgency {
    NORMAL("一般"), URGENT("紧急"), EXTRA_URGENT("特急");

    private final String nameZh;

    Urgency(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The more urgent of the two; null only when both are. */
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
