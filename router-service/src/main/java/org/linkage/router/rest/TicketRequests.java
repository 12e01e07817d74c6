package org.linkage.router.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.router.domain.NoteVisibility;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.service.DuplicateService;

import java.time.Instant;
import java.util.UUID;

/** Request bodies of the ticket actions. */
public final class TicketRequests {
    private TicketRequests() {
    }

    /** @param visibility PUBLIC lets the caller and 311 clients read the note; INTERNAL (the default) keeps it in */
    @Schema(name = "Note", example = """
            {"note": "已签收，安排劳动监察大队今日到现场核查", "visibility": "PUBLIC"}""")
    public record Note(@Size(max = 2000) String note, NoteVisibility visibility) {
    }

    @Schema(name = "Reply", example = """
            {"answer": "经核查，该工地确有拖欠工资情况，已责令企业于12月5日前支付欠薪20000元"}""")
    public record Reply(@NotBlank @Size(max = 4000) String answer) {
    }

    @Schema(name = "Reason", example = """
            {"reason": "该地址属高新区管辖，非本单位职责范围"}""")
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "延期申请 / an extension request", example = """
            {"reason": "需协调住建部门共同核查项目总包单位，申请延期5个工作日", "newResolveBy": "2026-12-12T09:30:00Z"}""")
    public record Extension(@NotBlank @Size(max = 2000) String reason, @NotNull Instant newResolveBy) {
    }

    @Schema(description = "延期审核 / a supervisor's decision on an extension", example = """
            {"approve": true, "note": "同意延期，请于12月12日前办结"}""")
    public record Decision(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    @Schema(name = "CallBack", example = """
            {"satisfied": true, "solved": true, "note": "来电人确认已收到欠薪，对处理结果满意"}""")
    public record CallBack(@NotNull Boolean satisfied, @NotNull Boolean solved, @Size(max = 2000) String note) {
    }

    @Schema(description = "派单或改派 / the unit or district to dispatch to", example = """
            {"departmentCode": "CD-HIGHTECH-URBAN", "districtCode": "CD-HIGHTECH", "note": "事发地属高新区芳草街街道，改派高新区处理"}""")
    public record Assign(@Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                         @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
                         @Size(max = 2000) String note) {
    }

    @Schema(description = "并单 / the master ticket to merge into", example = """
            {"masterTicketNumber": "12345-20261128-000042"}""")
    public record Merge(@NotBlank @Size(max = 60) String masterTicketNumber) {
    }

    @Schema(description = "督办 / a supervision step by hand: CHASE, SUPERVISE or LISTED", example = """
            {"step": "SUPERVISE", "note": "超期未办结，请人社局于两个工作日内书面回复"}""")
    public record Supervise(@NotNull SupervisionStep step, @Size(max = 2000) String note) {
    }

    /** 挂起: why, and until when the clock should stand still. */
    @Schema(description = "挂起 / pause the clock", example = """
            {"reason": "来电人出差在外，约定12月8日返蓉后现场核实", "until": "2026-12-08T01:00:00Z"}""")
    public record Pause(@NotBlank @Size(max = 2000) String reason, @NotNull Instant until) {
    }

    /** 挂账: why the matter cannot be solved in time, and the day it comes back. */
    @Schema(description = "挂账 / park until a plan date", example = """
            {"reason": "道路修复已纳入2027年市政维修计划，需待预算下达", "planDate": "2027-03-31"}""")
    public record Park(@NotBlank @Size(max = 2000) String reason, @NotNull java.time.LocalDate planDate) {
    }

    /** 终止办理: the ground and the review's reasoning. */
    @Schema(description = "终止办理 / propose ending the ticket", example = """
            {"ground": "CALLER_REFUSES_CONTACT", "reason": "三次电话及上门均无法联系来电人，来电人明确拒绝配合核查"}""")
    public record Terminate(@NotNull org.linkage.router.domain.TerminationGround ground,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    /** The decision on a ticket's pending clock request; {@code requestId} guards against deciding a newer one. */
    @Schema(description = "挂起、挂账或终止的审核 / the decision on a clock request", example = """
            {"approve": true, "requestId": "4f2c8e1a-9b7d-4a63-8e05-3c1d6b9a2f74", "note": "同意挂起至12月8日"}""")
    public record ClockDecision(@NotNull Boolean approve, UUID requestId, @Size(max = 2000) String note) {
    }

    /** What an action answers: where the ticket stands now. */
    @Schema(name = "Result", description = "工单当前状态 / where the ticket stands now", example = """
            {"ticketNumber": "12345-20261128-000042", "status": "SIGNED", "version": 3,
             "resolveBy": "2026-12-05T09:30:00Z"}""")
    public record Result(String ticketNumber, String status, int version, Instant resolveBy) {
    }

    @Schema(description = "延期申请结果 / the extension request as it stands", example = """
            {"id": "a7e3c1d9-2b6f-4e80-9d15-8c4b2f6e1a37", "ticketNumber": "12345-20261128-000042",
             "status": "PENDING", "requestedResolveBy": "2026-12-12T09:30:00Z"}""")
    public record ExtensionResult(UUID id, String ticketNumber, String status, Instant requestedResolveBy) {
    }

    /**
     * A possible duplicate of a ticket (并单候选), best first.
     *
     * @param similarity the text similarity, 0 to 1, to three places
     * @param place      what the two places share: NEARBY, SAME_ADDRESS or SAME_DISTRICT
     */
    @Schema(description = "并单候选 / a possible duplicate", example = """
            {"ticketNumber": "12345-20261127-000318", "status": "SIGNED", "similarity": 0.912, "place": "SAME_ADDRESS",
             "createdAt": "2026-11-27T06:12:00Z"}""")
    public record DuplicateCandidate(String ticketNumber, String status, double similarity, String place,
                                     Instant createdAt) {
        static DuplicateCandidate of(DuplicateService.Candidate c) {
            return new DuplicateCandidate(c.ticket().ticketNumber(), c.ticket().status().name(),
                    Math.round(c.similarity() * 1000) / 1000.0, c.place(), c.ticket().createdAt());
        }
    }
}
