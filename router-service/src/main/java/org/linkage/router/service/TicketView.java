package org.linkage.router.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket as the API shows it; {@code callerPhone} is masked unless the reader may see it. */
public record TicketView(
        UUID id, String ticketNumber, String status, int version, String channel, String callNumber,
        String categoryCode, String urgency, String content, String address, String districtCode,
        Double latitude, Double longitude, String callerName, String callerPhone, boolean phoneMasked,
        boolean callbackRequired, Unit leadDepartment, List<Unit> supportingDepartments, Long ruleId,
        Integer ruleVersion, String pendingReason, Instant receivedAt, Instant createdAt, Instant dispatchedAt,
        Instant signBy, Instant resolveBy, Instant returnBy, Instant signedAt, Instant repliedAt, String answer,
        Instant calledBackAt, Boolean satisfied, Boolean solved, Instant closedAt, String deliveryStatus,
        String supervisionLevel, String duplicateOf, Double duplicateScore, String masterTicketNumber,
        List<HistoryEntry> history) {

    public record Unit(String code, String nameZh, String nameEn, String role) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
                               String departmentCode, String note) {
    }

    public record Page(long total, int page, int size, List<TicketView> items) {
    }
}
