package org.linkage.intake.domain;

import org.linkage.events.Urgency;
import org.linkage.intake.classification.Disposition;

/** Which decided calls go to 12345, and how urgently. */
public final class ReferralPolicy {
    private ReferralPolicy() {
    }

    /** Police matters stay with 110 and invalid calls go nowhere; the rest (or the rest of a joint case) is referred. */
    public static boolean isReferred(Disposition disposition) {
        return disposition == Disposition.NON_POLICE || disposition == Disposition.JOINT;
    }

    /**
     * Whether a call may be closed as answered from the knowledge base instead of being referred. Not when the
     * classifier heard a police matter in it (POLICE or JOINT): a danger cue keeps a call with 110, and a question
     * answered from an article would close it without anyone attending.
     */
    public static boolean answerable(Disposition suggested) {
        return suggested != Disposition.POLICE && suggested != Disposition.JOINT;
    }

    /**
     * A joint case has a live conflict that police are already attending, so 12345 must act the same
     * day; utility failures are urgent too (Tianjin accepts them within 30 minutes). A call-taker's
     * explicit choice wins over both.
     */
    public static Urgency urgency(Disposition disposition, String categoryCode, Urgency requested) {
        if (requested != null) {
            return requested;
        }
        if (disposition == Disposition.JOINT || "UTILITIES".equals(categoryCode)) {
            return Urgency.URGENT;
        }
        return Urgency.NORMAL;
    }
}
