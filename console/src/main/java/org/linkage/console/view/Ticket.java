package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

import java.util.List;

/**
 * A 12345 ticket as the router shows it to this reader (GET /api/tickets/{ref}, and each row of its lists);
 * {@code callerPhone} masked unless the reader may see it.
 *
 * @param callerMediaUrl   the photo link an Open311 client sent with the request (checked https, never fetched); null
 *                         when there is none or the reader may not see the caller's details
 * @param permittedActions on the one-ticket read, the action paths the reader may take now; null in lists
 * @param clock            the resolve clock, on the one-ticket read; null in lists
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ticket(String id, String ticketNumber, String status, int version, String channel, String callNumber,
                     String categoryCode, String urgency, String content, String address, String districtCode,
                     Double latitude, Double longitude, String callerName, String callerPhone, boolean phoneMasked,
                     String callerMediaUrl, boolean callbackRequired,
                     Unit leadDepartment, List<Unit> supportingDepartments, Long ruleId,
                     Integer ruleVersion, String pendingReason, String receivedAt, String createdAt,
                     String dispatchedAt, String signBy, String resolveBy, String returnBy, String signedAt,
                     String repliedAt, String answer, String calledBackAt, Boolean satisfied, Boolean solved,
                     String closedAt, String deliveryStatus, String supervisionLevel, String duplicateOf,
                     Double duplicateScore, String masterTicketNumber, List<HistoryEntry> history,
                     List<String> permittedActions, Clock clock, boolean confidential, boolean hotlineCallsBack,
                     String contactNotice) {

    /** A unit (department) on the ticket: the lead, or a supporting one. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String nameZh, String nameEn, String role) implements Named {
    }

    /** One step of the ticket's history. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String at, String actor, String action, String fromStatus, String toStatus,
                               String departmentCode, String note, String noteVisibility) {
    }

    /**
     * The resolve clock: RUNNING, PAUSED (挂起), PARKED (挂账) or TERMINATED (终止办理), what is used of the pauses
     * allowed, and the request awaiting a decision.
     */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(String state, String since, String until, String planDate, int pausesUsed, int pausesAllowed,
                        long pausedMinutes, long pausedMinutesAllowed, long heldWorkingMinutes, String terminatedAt,
                        String terminationGround, ClockRequest pending) {
    }
}
