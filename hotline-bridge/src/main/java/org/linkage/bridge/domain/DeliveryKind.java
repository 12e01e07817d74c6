package org.linkage.bridge.domain;

/**
 * What a delivery carries. Only ticket versions supersede one another; a notice is never stopped by a later version
 * sent to the same unit, nor does it stop one (it is stopped only when the ticket has since gone to another unit).
 */
public enum DeliveryKind {
    /** One version of a ticket (dedup key {@code <ticketId>:<version>}). */
    TICKET,
    /** A file added to a ticket the unit already has (dedup key {@code <ticketId>:attachment:<attachmentId>}). */
    ATTACHMENT_NOTICE
}
