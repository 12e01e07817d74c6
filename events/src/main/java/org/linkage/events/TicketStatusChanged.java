package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every change of a ticket's status, in order per ticket. Intake shows these on the call they came
 * from; {@code answer} carries the department's reply once there is one.
 *
 * @param status         one of the router's ticket statuses (docs/events.md lists them)
 * @param note           the step's public note (公开说明), what a caller or a 311 client may read; null when the
 *                       step had none or only an internal one. Internal notes never leave the router (issue 10)
 * @param deliveryStatus {@code DELIVERED} or {@code DEAD_LETTERED} once the bridge reported on the
 *                       latest dispatch; an event that only reports delivery repeats the status
 */
public record TicketStatusChanged(
        UUID ticketId,
        String ticketNumber,
        UUID callId,
        UUID referralId,
        String status,
        String previousStatus,
        String departmentCode,
        String departmentName,
        Instant resolveBy,
        String note,
        String answer,
        String deliveryStatus,
        String actor,
        Instant at) implements LinkageEvent {
    @Override
    public String topic() {
        return Topics.TICKETS;
    }

    @Override
    public String type() {
        return EventTypes.TICKET_STATUS_CHANGED;
    }

    /** The ticket id, shared with the ticket's dispatches. */
    @Override
    public String key() {
        return ticketId.toString();
    }

    @Override
    public String subject() {
        return ticketNumber;
    }
}
