package org.linkage.events;

/**
 * CloudEvents {@code type} values. The trailing {@code .v1} is the data schema version: a breaking
 * change to a payload gets a new type, so old and new consumers can run side by side.
 */
public final class EventTypes {
    public static final String REFERRAL_CREATED = "org.linkage.referral.created.v1";
    public static final String CALL_ANSWERED = "org.linkage.call.answered.v1";
    public static final String TICKET_DISPATCHED = "org.linkage.ticket.dispatched.v1";
    public static final String TICKET_STATUS_CHANGED = "org.linkage.ticket.status-changed.v1";
    public static final String TICKET_ATTACHMENT_ADDED = "org.linkage.ticket.attachment-added.v1";
    public static final String DELIVERY_SUCCEEDED = "org.linkage.delivery.succeeded.v1";
    public static final String DELIVERY_DEAD_LETTERED = "org.linkage.delivery.dead-lettered.v1";
    public static final String ATTACHMENT_NOTICE_OUTCOME = "org.linkage.delivery.attachment-notice.v1";
    public static final String POLICE_TRANSFER_CREATED = "org.linkage.police-transfer.created.v1";
    public static final String DISTRICT_CHANGED = "org.linkage.district.changed.v1";
    public static final String CONSULTATION_REQUESTED = "org.linkage.consultation.requested.v1";
    public static final String CONSULTATION_DECIDED = "org.linkage.consultation.decided.v1";
    public static final String CATEGORY_QUESTIONS_CHANGED = "org.linkage.category.questions-changed.v1";

    /** The {@code dataschema} URI of a type: documented in docs/events.md under the same name. */
    public static String schemaOf(String type) {
        return "urn:linkage:schema:" + type;
    }

    private EventTypes() {
    }
}
