package org.linkage.intake.service;

/** Audit trail vocabulary of intake; entity types {@code call} and {@code police-transfer}. */
public final class AuditActions {
    public static final String CALL = "call";
    public static final String POLICE_TRANSFER = "police-transfer";

    public static final String CREATED = "CREATED";
    public static final String CLASSIFIED = "CLASSIFIED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String OVERRIDDEN = "OVERRIDDEN";
    public static final String REFERRED = "REFERRED";
    public static final String ANSWERED = "ANSWERED";
    public static final String TICKET_STATUS_REPORTED = "TICKET_STATUS_REPORTED";
    public static final String HANDED_BACK = "HANDED_BACK";
    public static final String CONTACT_VIEWED = "CONTACT_VIEWED";
    public static final String RETRIEVED_BY_CODE = "RETRIEVED_BY_CODE";
    /** The caller's history on both lines was looked at (and any new risk warnings recorded). */
    public static final String HISTORY_VIEWED = "HISTORY_VIEWED";
    public static final String TRANSFER_RECEIVED = "RECEIVED";
    public static final String TRANSFER_ACCEPTED = "ACCEPTED";
    /** Consultation requests (三方通话 in data); the outcome is {@code CONSULTATION_} + ACCEPTED, DECLINED or EXPIRED. */
    public static final String CONSULTATION_REQUESTED = "CONSULTATION_REQUESTED";
    public static final String CONSULTATION_PREFIX = "CONSULTATION_";

    private AuditActions() {
    }
}
