package org.linkage.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket sent to its lead unit (and supporting units). Emitted on first dispatch, on every re-dispatch and
 * when a ticket is reopened; {@code version} grows with each, so a receiver can tell a new sending from a replay.
 *
 * @param urgency a {@link Urgency} name
 */
public record TicketDispatched(
        UUID ticketId,
        String ticketNumber,
        int version,
        UUID callId,
        UUID referralId,
        String categoryCode,
        String urgency,
        String content,
        String address,
        String districtCode,
        Double latitude,
        Double longitude,
        String callerPhone,
        String callerName,
        DepartmentRef department,
        List<DepartmentRef> supportingDepartments,
        Instant signBy,
        Instant resolveBy,
        Instant dispatchedAt) implements LinkageEvent {
    @Override
    public String topic() {
        return Topics.TICKETS;
    }

    @Override
    public String type() {
        return EventTypes.TICKET_DISPATCHED;
    }

    /** The ticket id, shared with the ticket's status changes. */
    @Override
    public String key() {
        return ticketId.toString();
    }

    @Override
    public String subject() {
        return ticketNumber;
    }
}
