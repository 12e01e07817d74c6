package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A file added to a ticket that has been dispatched, so the units working on it hear of new evidence without asking
 * (a ticket's files before its first dispatch are counted on {@link TicketDispatched#attachmentCount()}). It says what
 * the file is, never what it holds: no bytes, no link (a receiver asks the router for an expiring one), no note. The
 * size and hash are of the stored file, which the router cleaned of metadata (EXIF position included) on upload.
 *
 * @param departmentCode         the ticket's lead unit when the file was added
 * @param uploaderDepartmentCode the unit whose agent or system added it; null when 12345 (a dispatcher or supervisor)
 *                               or 110 (a call's file) did, so a unit's system can tell its own files from others'
 */
public record TicketAttachmentAdded(
        UUID ticketId,
        String ticketNumber,
        UUID attachmentId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String departmentCode,
        String uploaderDepartmentCode,
        Instant at) implements LinkageEvent {
    @Override
    public String topic() {
        return Topics.TICKETS;
    }

    @Override
    public String type() {
        return EventTypes.TICKET_ATTACHMENT_ADDED;
    }

    /** The ticket id, shared with the ticket's dispatches and status changes, so the file follows its dispatch. */
    @Override
    public String key() {
        return ticketId.toString();
    }

    @Override
    public String subject() {
        return ticketNumber;
    }
}
