package org.linkage.router.domain;

/**
 * Confidential cases (保密, issue 12 part 3): a caller reporting wrongdoing may ask that the department never learn who
 * they are. Then no name or phone reaches any department, its system or an Open311 client, even when the catalogue
 * rule asks the unit to call the caller back: 12345 calls back instead.
 */
public final class Confidentiality {
    /** What a department is told in place of the contact. */
    public static final String NOTICE_ZH = "保密件，由12345回访";
    public static final String NOTICE_EN = "Confidential case: 12345 calls the caller back";

    /** How much of the caller's contact a reader gets. */
    public enum Contact {
        /** name and phone in clear (an audited read) */
        FULL,
        /** masked, as lists show them */
        MASKED,
        /** not at all: the fields are absent */
        NONE
    }

    private Confidentiality() {
    }

    /**
     * @param unitReader   the reader is limited to a unit (a department agent, or the bridge for a department)
     * @param leadReader   that unit is the ticket's lead
     * @param oneTicket    the one-ticket read (lists never show the contact in clear)
     */
    public static Contact contactFor(boolean confidential, boolean callbackRequired, boolean unitReader,
                                     boolean leadReader, boolean oneTicket) {
        if (confidential) {
            // Only the hotline's own people, one audited read at a time; lists do not even mask it.
            return !unitReader && oneTicket ? Contact.FULL : Contact.NONE;
        }
        if (!oneTicket) {
            return Contact.MASKED;
        }
        return !unitReader || callbackRequired && leadReader ? Contact.FULL : Contact.MASKED;
    }

    /** What a department's own system receives: the clear contact only when the unit must call back. */
    public static Contact contactForDepartmentSystem(boolean confidential, boolean callbackRequired) {
        return confidential ? Contact.NONE : callbackRequired ? Contact.FULL : Contact.MASKED;
    }

    /** The unit calls the caller back: the rule asks for it and the case is not confidential. */
    public static boolean unitCallsBack(boolean confidential, boolean callbackRequired) {
        return callbackRequired && !confidential;
    }

    /** The rule asks for a call-back the unit may not make: 12345 makes it. */
    public static boolean hotlineCallsBack(boolean confidential, boolean callbackRequired) {
        return callbackRequired && confidential;
    }
}
