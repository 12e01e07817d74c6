package org.linkage.router.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket as the API shows it; {@code callerPhone} is masked unless the reader may see it. */
/**
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
        List<HistoryEntry> history, List<String> permittedActions) {

    public TicketView withPermittedActions(List<String> actions) {
        return new TicketView(id, ticketNumber, status, version, channel, callNumber, categoryCode, urgency, content, address,
                districtCode, latitude, longitude, callerName, callerPhone, phoneMasked, callbackRequired, leadDepartment,
                supportingDepartments, ruleId, ruleVersion, pendingReason, receivedAt, createdAt, dispatchedAt, signBy,
                resolveBy, returnBy, signedAt, repliedAt, answer, calledBackAt, satisfied, solved, closedAt, deliveryStatus,
                supervisionLevel, duplicateOf, duplicateScore, masterTicketNumber, history, actions);
    }

    public record Unit(String code, String nameZh, String nameEn, String role) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
                               String departmentCode, String note, String noteVisibility) {
    }

    public record Page(long total, int page, int size, List<TicketView> items) {
    }
}
