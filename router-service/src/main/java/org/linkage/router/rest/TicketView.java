package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.router.domain.Confidentiality;
import org.linkage.router.domain.UnitRole;
import org.linkage.router.repository.ClockRequest;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketClocks;
import org.linkage.router.service.TicketRead;

import java.time.Instant;
import java.util.ArrayList;
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
 * @param callerMediaUrl   来电人照片链接: the caller's own photo link (Open311 {@code media_url}), an https link Linkage
 *                         never fetched; null when there is none, or on a confidential ticket for a unit
 */
@Schema(description = "工单 / A ticket", example = TicketView.EXAMPLE)
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
        boolean hotlineCallsBack, String contactNotice, String callerMediaUrl) {

    /** What a wage-arrears ticket signed by its lead unit shows in a list and on its own page alike. */
    private static final String FIELDS = """
            {"id": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15", "ticketNumber": "12345-20261128-000042", "status": "SIGNED",
             "version": 3, "channel": "PHONE", "callNumber": "110-20261128-000123", "categoryCode": "WAGES",
             "urgency": "NORMAL", "content": "在武侯区红牌楼街道某工地务工三个月，包工头拖欠工资两万余元，多次讨要未果",
             "address": "武侯区红牌楼街道佳灵路", "districtCode": "510107", "latitude": 30.6286, "longitude": 104.0312,
             "callerName": "张先生", "callerPhone": "138****5678", "phoneMasked": true, "callbackRequired": true,
             "leadDepartment": {"code": "CD-HRSS", "nameZh": "成都市人力资源和社会保障局",
                                "nameEn": "Chengdu Human Resources and Social Security Bureau", "role": "LEAD"},
             "supportingDepartments": [{"code": "510107-GOV", "nameZh": "武侯区人民政府",
                                        "nameEn": "Wuhou District People's Government", "role": "SUPPORTING"}],
             "ruleId": 1, "ruleVersion": 1, "pendingReason": null, "receivedAt": "2026-11-28T01:29:40Z",
             "createdAt": "2026-11-28T01:30:00Z", "dispatchedAt": "2026-11-28T01:30:00Z",
             "signBy": "2026-11-30T01:30:00Z", "resolveBy": "2026-12-05T09:30:00Z", "returnBy": "2026-12-01T09:30:00Z",
             "signedAt": "2026-11-28T02:10:00Z", "repliedAt": null, "answer": null, "calledBackAt": null,
             "satisfied": null, "solved": null, "closedAt": null, "deliveryStatus": "DELIVERED",
             "supervisionLevel": null, "duplicateOf": null, "duplicateScore": null, "masterTicketNumber": null,""";
    /** That ticket as its unit's agent reads it. */
    static final String EXAMPLE = FIELDS + """
             "history": [{"at": "2026-11-28T01:30:00Z", "actor": "system:router-referrals", "action": "CREATE",
                          "fromStatus": null, "toStatus": "PENDING_DISPATCH", "departmentCode": null, "note": null,
                          "noteVisibility": null},
                         {"at": "2026-11-28T02:10:00Z", "actor": "hrss-agent1", "action": "SIGN",
                          "fromStatus": "DISPATCHED",
                          "toStatus": "SIGNED", "departmentCode": "CD-HRSS", "note": "已签收，安排劳动监察大队今日到现场核查",
                          "noteVisibility": "PUBLIC"}],
             "permittedActions": ["progress", "reply", "return", "extensions", "pause", "park"],
             "clock": {"state": "RUNNING", "since": null, "until": null, "planDate": null, "pausesUsed": 0,
                       "pausesAllowed": 2, "pausedMinutes": 0, "pausedMinutesAllowed": 21600, "heldWorkingMinutes": 0,
                       "terminatedAt": null, "terminationGround": null, "pending": null},
             "confidential": false, "hotlineCallsBack": false, "contactNotice": null}""";
    /** The same ticket as a row of a list: no history, actions or clock. */
    static final String LIST_ITEM = FIELDS + """
             "history": null, "permittedActions": null, "clock": null, "confidential": false,
             "hotlineCallsBack": false, "contactNotice": null}""";
    static final String PAUSE_PENDING = """
            {"id": "4f2c8e1a-9b7d-4a63-8e05-3c1d6b9a2f74", "kind": "PAUSE", "status": "PENDING",
             "ticketNumber": "12345-20261128-000042", "ticketStatus": "SIGNED", "departmentCode": "CD-HRSS",
             "requestedBy": "hrss-agent1", "requestedAt": "2026-12-01T02:00:00Z",
             "reason": "来电人出差在外，约定12月8日返蓉后现场核实", "until": "2026-12-08T01:00:00Z", "planDate": null,
             "ground": null, "decidedBy": null, "decidedAt": null, "decisionNote": null, "startedAt": null,
             "endedAt": null}""";
    static final String PAUSE_APPROVED = """
            {"id": "4f2c8e1a-9b7d-4a63-8e05-3c1d6b9a2f74", "kind": "PAUSE", "status": "APPROVED",
             "ticketNumber": "12345-20261128-000042", "ticketStatus": "PAUSED", "departmentCode": "CD-HRSS",
             "requestedBy": "hrss-agent1", "requestedAt": "2026-12-01T02:00:00Z",
             "reason": "来电人出差在外，约定12月8日返蓉后现场核实", "until": "2026-12-08T01:00:00Z", "planDate": null,
             "ground": null, "decidedBy": "dispatcher1", "decidedAt": "2026-12-01T02:30:00Z",
             "decisionNote": "同意挂起至12月8日",
             "startedAt": "2026-12-01T02:30:00Z", "endedAt": null}""";

    /** The API's shape of a ticket the service read; name and phone come as the service masked them. */
    public static TicketView of(TicketRead r) {
        Ticket t = r.ticket();
        Unit lead = null;
        List<Unit> supporting = new ArrayList<>();
        for (TicketRead.Unit u : r.units()) {
            Unit v = new Unit(u.department().code, u.department().nameZh, u.department().nameEn, u.role().name());
            if (u.role() == UnitRole.LEAD) {
                lead = v;
            } else {
                supporting.add(v);
            }
        }
        List<HistoryEntry> history = r.history() == null ? null : r.history().stream()
                .map(h -> new HistoryEntry(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.departmentCode, h.note,
                        nameOf(h.visibility))).toList();
        return new TicketView(t.id, t.ticketNumber, t.status.name(), t.version, t.channel, t.callNumber,
                t.categoryCode, t.urgency.name(), t.content, t.address, t.districtCode, t.latitude, t.longitude,
                r.callerName(), r.callerPhone(), r.phoneMasked(),
                Confidentiality.unitCallsBack(t.confidential, t.callbackRequired), lead, supporting, t.ruleId,
                r.ruleVersion(), t.pendingReason, t.receivedAt, t.createdAt, t.dispatchedAt, t.signBy, t.resolveBy,
                t.returnBy, t.signedAt, t.repliedAt, t.answer, t.calledBackAt, t.satisfied, t.solved, t.closedAt,
                nameOf(t.deliveryStatus), nameOf(t.supervisionLevel), r.duplicateOfNumber(), t.duplicateScore,
                r.masterTicketNumber(), history, r.permittedActions(), r.clock() == null ? null : Clock.of(r.clock()),
                t.confidential, Confidentiality.hotlineCallsBack(t.confidential, t.callbackRequired),
                t.confidential ? Confidentiality.NOTICE_ZH : null, r.callerMediaUrl());
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
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

        static Clock of(TicketClocks.State s) {
            Ticket t = s.ticket();
            return new Clock(s.state(), t.clockSince, t.clockUntil, s.planDate(), s.pausesUsed(), s.pausesAllowed(),
                    s.pausedMinutes(), s.pausedMinutesAllowed(), t.heldWorkingMinutes, t.terminatedAt,
                    nameOf(t.terminationGround), s.pending() == null ? null : ClockRequestView.of(s.pending()));
        }
    }

    /** A clock request (挂起 / 挂账 / 终止办理) and its decision. */
    @Schema(description = "挂起、挂账或终止申请 / a clock request",
            example = PAUSE_PENDING)
    public record ClockRequestView(UUID id, String kind, String status, String ticketNumber, String ticketStatus,
                                   String departmentCode, String requestedBy, Instant requestedAt, String reason,
                                   Instant until, java.time.LocalDate planDate, String ground, String decidedBy,
                                   Instant decidedAt, String decisionNote, Instant startedAt, Instant endedAt) {

        static ClockRequestView of(TicketClocks.Request r) {
            ClockRequest x = r.request();
            Ticket t = r.ticket();
            return new ClockRequestView(x.id, x.kind.name(), x.status.name(), t.ticketNumber, t.status.name(),
                    x.departmentCode, x.requestedBy, x.requestedAt, x.reason, x.pauseUntil, x.planDate, nameOf(x.ground),
                    x.decidedBy, x.decidedAt, x.decisionNote, x.startedAt, x.endedAt);
        }
    }

    public record Unit(String code, String nameZh, String nameEn, String role) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
                               String departmentCode, String note, String noteVisibility) {
    }

    @Schema(description = "工单分页 / one page of tickets",
            example = "{\"total\": 57, \"page\": 0, \"size\": 50, \"items\": [" + LIST_ITEM + "]}")
    public record Page(long total, int page, int size, List<TicketView> items) {

        static Page of(TicketRead.Page p) {
            return new Page(p.total(), p.page(), p.size(), p.items().stream().map(TicketView::of).toList());
        }
    }
}
