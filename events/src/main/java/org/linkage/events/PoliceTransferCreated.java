package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A police matter found on the 12345 side, handed back to 110 (reverse transfer).
 *
 * @param callId   the 110 call the ticket came from, when it came from one; null for matters
 *                 that reached 12345 directly (phone, Open311)
 * @param origin   {@code DISPATCHER} (a 12345 dispatcher's decision) or {@code OPEN311}
 */
public record PoliceTransferCreated(
        UUID transferId,
        UUID ticketId,
        String ticketNumber,
        UUID callId,
        String origin,
        String reason,
        String content,
        String address,
        String districtCode,
        String callerPhone,
        String callerName,
        String transferredBy,
        Instant at) implements LinkageEvent {
    @Override
    public String topic() {
        return Topics.POLICE_TRANSFERS;
    }

    @Override
    public String type() {
        return EventTypes.POLICE_TRANSFER_CREATED;
    }

    /** The transfer id. */
    @Override
    public String key() {
        return transferId.toString();
    }

    /** The ticket number; for a matter that never became a ticket (Open311), who handed it over. */
    @Override
    public String subject() {
        return ticketNumber != null ? ticketNumber : transferredBy;
    }
}
