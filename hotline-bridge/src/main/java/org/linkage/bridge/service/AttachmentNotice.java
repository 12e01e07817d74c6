package org.linkage.bridge.service;

import org.linkage.events.TicketAttachmentAdded;

import java.time.Instant;
import java.util.UUID;

/**
 * The notice a department system receives when a file is added to a ticket it already has (docs/webhook-signing.md,
 * section 1b documents every field). What the file is, never what it holds: no bytes, no note, no uploader's name.
 * Stored without its link; the sender asks the router for a fresh expiring one at every attempt and adds
 * {@code attachment.url} and {@code attachment.expiresAt}.
 *
 * @param ticketVersion          the version of the ticket the unit held when the file was added
 * @param addedByDepartmentCode  the unit whose agent or system added the file; null when 12345 or 110 did, so a system
 *                               can tell its own files (sent back to it) from others'
 */
public record AttachmentNotice(
        String schema,
        UUID ticketId,
        String ticketNumber,
        int ticketVersion,
        String departmentCode,
        File attachment,
        String addedByDepartmentCode,
        Instant addedAt) {

    public static final String SCHEMA = "linkage.attachment-notice.v1";

    /** The file as stored by the router (cleaned of its metadata on upload): the hash is of those bytes. */
    public record File(UUID id, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    public static AttachmentNotice of(TicketAttachmentAdded added, int ticketVersion, String departmentCode) {
        return new AttachmentNotice(SCHEMA, added.ticketId(), added.ticketNumber(), ticketVersion, departmentCode,
                new File(added.attachmentId(), added.fileName(), added.contentType(), added.sizeBytes(),
                        added.sha256()),
                added.uploaderDepartmentCode(), added.at());
    }

    /** The idempotency key: one notice per file, whatever Kafka replays or the router re-publishes. */
    public static String key(UUID ticketId, UUID attachmentId) {
        return ticketId + ":attachment:" + attachmentId;
    }
}
