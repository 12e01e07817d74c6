package org.linkage.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket sent to its lead unit (and supporting units). Emitted on first dispatch, on every re-dispatch and
 * when a ticket is reopened; {@code version} grows with each, so a receiver can tell a new sending from a replay.
 *
 * @param urgency a {@link Urgency} name
 * @param retrievalCode the caller's retrieval code (from the referral), for the bridge's public case look-up; null
 *                      for tickets that did not come from a 110 call. Never passed on to a department system
 * @param confidential  true for a confidential case (保密): callerPhone and callerName are then null whatever the
 *                      catalogue rule says, and 12345, not the department, calls the caller back. Null means false
 * @param attributes the answers to the category's questions (分类必填项) the ticket was made with, keyed by
 *                   question code; null or empty when none
 * @param attachmentCount how many files the ticket had when it was dispatched; null when the router did not say
 *                        (events before issue 14), so a receiver that needs the files must ask for them
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
        Instant dispatchedAt,
        String retrievalCode,
        Boolean confidential,
        java.util.Map<String, String> attributes,
        Integer attachmentCount) implements LinkageEvent {

    /** A dispatch that does not say how many files the ticket has (events before issue 14). */
    public TicketDispatched(UUID ticketId, String ticketNumber, int version, UUID callId, UUID referralId,
                            String categoryCode, String urgency, String content, String address, String districtCode,
                            Double latitude, Double longitude, String callerPhone, String callerName,
                            DepartmentRef department, List<DepartmentRef> supportingDepartments, Instant signBy,
                            Instant resolveBy, Instant dispatchedAt, String retrievalCode, Boolean confidential,
                            java.util.Map<String, String> attributes) {
        this(ticketId, ticketNumber, version, callId, referralId, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerPhone, callerName, department, supportingDepartments, signBy,
                resolveBy, dispatchedAt, retrievalCode, confidential, attributes, null);
    }

    /** A dispatch from before the category questions (issue 13): no answers. */
    public TicketDispatched(UUID ticketId, String ticketNumber, int version, UUID callId, UUID referralId,
                            String categoryCode, String urgency, String content, String address, String districtCode,
                            Double latitude, Double longitude, String callerPhone, String callerName,
                            DepartmentRef department, List<DepartmentRef> supportingDepartments, Instant signBy,
                            Instant resolveBy, Instant dispatchedAt, String retrievalCode, Boolean confidential) {
        this(ticketId, ticketNumber, version, callId, referralId, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerPhone, callerName, department, supportingDepartments, signBy,
                resolveBy, dispatchedAt, retrievalCode, confidential, null, null);
    }

    /** A dispatch from before confidential cases (issue 12 part 3): not confidential. */
    public TicketDispatched(UUID ticketId, String ticketNumber, int version, UUID callId, UUID referralId,
                            String categoryCode, String urgency, String content, String address, String districtCode,
                            Double latitude, Double longitude, String callerPhone, String callerName,
                            DepartmentRef department, List<DepartmentRef> supportingDepartments, Instant signBy,
                            Instant resolveBy, Instant dispatchedAt, String retrievalCode) {
        this(ticketId, ticketNumber, version, callId, referralId, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerPhone, callerName, department, supportingDepartments, signBy,
                resolveBy, dispatchedAt, retrievalCode, null, null);
    }

    /** A dispatch without a retrieval code (tickets not from a 110 call, and events before issue 12). */
    public TicketDispatched(UUID ticketId, String ticketNumber, int version, UUID callId, UUID referralId,
                            String categoryCode, String urgency, String content, String address, String districtCode,
                            Double latitude, Double longitude, String callerPhone, String callerName,
                            DepartmentRef department, List<DepartmentRef> supportingDepartments, Instant signBy,
                            Instant resolveBy, Instant dispatchedAt) {
        this(ticketId, ticketNumber, version, callId, referralId, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerPhone, callerName, department, supportingDepartments, signBy,
                resolveBy, dispatchedAt, null, null);
    }

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
