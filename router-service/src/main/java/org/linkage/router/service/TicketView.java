package org.linkage.router.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the API shows it; {@code callerPhone} is masked unless the reader may see it.
 *
 * @param callerName       null (absent) for a confidential ticket unless the reader is 12345's own and reads the one
 *                         ticket (an audited read); likewise {@code callerPhone}
 * @param callbackRequired the unit must call the caller back (the rule asks, and the case is not confidential)
 * @param confidential     保密: the caller's identity is kept from every department
 * @param hotlineCallsBack the rule asks for a call-back the unit may not make (confidential): 12345 makes it
 * @param contactNotice    「保密件，由12345回访」 on a confidential ticket, in place of the contact; else null
 * @param permittedActions on the one-ticket read, the action paths the reader may take now
 *                         ({@link org.linkage.router.domain.PermittedActions}); null in lists
 */
public record TicketView(
        UUID id, String ticketNumber, String status, int version, String channel, String callNumber,
        String categoryCode, String urgency, String content, String address, String districtCode,
        Double latitude, Double longitude, String callerName, String callerPhone, boolean phoneMasked,
        boolean callbackRequired, Unit leadDepartment, List<Unit> supportingDepartments, Long ruleId,
        Integer ruleVersion, String pendingReason, Instant receivedAt, Instant createdAt, Instant dispatchedAt,
        Instant signBy, Instant resolveBy, Instant returnBy, Instant signedAt, Instant repliedAt, String answer,
        Instant calledBackAt, Boolean satisfied, Boolean solved, Instant closedAt, String deliveryStatus,
        String supervisionLevel, String duplicateOf, Double duplicateScore, String masterTicketNumber,
        List<HistoryEntry> history, List<String> permittedActions, Clock clock, boolean confidential,
        boolean hotlineCallsBack, String contactNotice) {

    public TicketView withPermittedActions(List<String> actions) {
        return new TicketView(id, ticketNumber, status, version, channel, callNumber, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerName, callerPhone, phoneMasked, callbackRequired, leadDepartment,
                supportingDepartments, ruleId, ruleVersion, pendingReason, receivedAt, createdAt, dispatchedAt, signBy,
                resolveBy, returnBy, signedAt, repliedAt, answer, calledBackAt, satisfied, solved, closedAt, deliveryStatus,
                supervisionLevel, duplicateOf, duplicateScore, masterTicketNumber, history, actions, clock, confidential,
                hotlineCallsBack, contactNotice);
    }

    public TicketView withClock(Clock c) {
        return new TicketView(id, ticketNumber, status, version, channel, callNumber, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerName, callerPhone, phoneMasked, callbackRequired, leadDepartment,
                supportingDepartments, ruleId, ruleVersion, pendingReason, receivedAt, createdAt, dispatchedAt, signBy,
                resolveBy, returnBy, signedAt, repliedAt, answer, calledBackAt, satisfied, solved, closedAt, deliveryStatus,
                supervisionLevel, duplicateOf, duplicateScore, masterTicketNumber, history, permittedActions, c, confidential,
                hotlineCallsBack, contactNotice);
    }

    /**
     * The ticket's resolve clock (on the one-ticket read; null in lists).
     *
     * @param state          RUNNING, PAUSED (挂起), PARKED (挂账) or TERMINATED (终止办理); RUNNING also once no
     *                       deadline is in force any more (replied, closed)
     * @param since          when the current pause or park began
     * @param until          when the clock runs again by itself: the pause's approved end, the parked ticket's return
     * @param planDate       the parked ticket's plan date
     * @param pausesUsed     approved pauses so far, of {@code pausesAllowed}
     * @param pausedMinutes  paused time so far (a running pause up to its approved end), of {@code pausedMinutesAllowed}
     * @param heldWorkingMinutes working minutes spent paused or parked, left out of the reply time
     * @param pending        the clock request awaiting a decision, if any
     */
    public record Clock(String state, Instant since, Instant until, java.time.LocalDate planDate, int pausesUsed,
                        int pausesAllowed, long pausedMinutes, long pausedMinutesAllowed, long heldWorkingMinutes,
                        Instant terminatedAt, String terminationGround, ClockRequestView pending) {
    }

    /** A clock request (挂起 / 挂账 / 终止办理) and its decision. */
    public record ClockRequestView(UUID id, String kind, String status, String ticketNumber, String ticketStatus,
                                   String departmentCode, String requestedBy, Instant requestedAt, String reason,
                                   Instant until, java.time.LocalDate planDate, String ground, String decidedBy,
                                   Instant decidedAt, String decisionNote, Instant startedAt, Instant endedAt) {
    }

    public record Unit(String code, String nameZh, String nameEn, String role) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
                               String departmentCode, String note, String noteVisibility) {
    }

    public record Page(long total, int page, int size, List<TicketView> items) {
    }
}
