package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of telling a department system of a file added to a ticket it already has (the bridge's attachment
 * notice, from {@link TicketAttachmentAdded}). A type of its own, not a {@link DeliveryOutcome}: a notice is not a
 * version of the ticket, so it must never change what the router shows as the ticket's delivery.
 *
 * @param ticketVersion the version of the ticket the unit held when the notice was made
 * @param status        {@code DELIVERED}, {@code DEAD_LETTERED}, or {@code SKIPPED} (the unit's system has no way to
 *                      take a notice, an Open311 server: {@code lastError} says so, for the dispatcher to read)
 */
public record AttachmentNoticeOutcome(
        UUID deliveryId,
        UUID ticketId,
        String ticketNumber,
        int ticketVersion,
        UUID attachmentId,
        String fileName,
        String departmentCode,
        String adapter,
        String status,
        int attempts,
        String externalRef,
        String lastError,
        Instant at) implements LinkageEvent {
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String SKIPPED = "SKIPPED";

    /** The outcome stream, beside the ticket deliveries' outcomes; a dead-lettered one is also copied to the DLQ. */
    @Override
    public String topic() {
        return Topics.DELIVERIES;
    }

    @Override
    public String type() {
        return EventTypes.ATTACHMENT_NOTICE_OUTCOME;
    }

    /** The ticket id, so a ticket's outcomes, of its versions and of its notices, stay in order. */
    @Override
    public String key() {
        return ticketId.toString();
    }

    @Override
    public String subject() {
        return ticketNumber;
    }
}
