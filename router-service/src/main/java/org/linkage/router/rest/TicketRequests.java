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

    public record Extension(@NotBlank @Size(max = 2000) String reason, @NotNull Instant newResolveBy) {
    }

    public record Decision(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    @Schema(name = "CallBack", example = """
            {"satisfied": true, "solved": true, "note": "来电人确认已收到欠薪，对处理结果满意"}""")
    public record CallBack(@NotNull Boolean satisfied, @NotNull Boolean solved, @Size(max = 2000) String note) {
    }

    public record Assign(@Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                         @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
                         @Size(max = 2000) String note) {
    }

    public record Merge(@NotBlank @Size(max = 60) String masterTicketNumber) {
    }

    public record Supervise(@NotNull SupervisionStep step, @Size(max = 2000) String note) {
    }

    /** 挂起: why, and until when the clock should stand still. */
    public record Pause(@NotBlank @Size(max = 2000) String reason, @NotNull Instant until) {
    }

    /** 挂账: why the matter cannot be solved in time, and the day it comes back. */
    public record Park(@NotBlank @Size(max = 2000) String reason, @NotNull java.time.LocalDate planDate) {
    }

    /** 终止办理: the ground and the review's reasoning. */
    public record Terminate(@NotNull org.linkage.router.domain.TerminationGround ground,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    /** The decision on a ticket's pending clock request; {@code requestId} guards against deciding a newer one. */
    public record ClockDecision(@NotNull Boolean approve, UUID requestId, @Size(max = 2000) String note) {
    }

    /** What an action answers: where the ticket stands now. */
    @Schema(name = "Result", description = "工单当前状态 / where the ticket stands now", example = """
            {"ticketNumber": "12345-20261128-000042", "status": "SIGNED", "version": 3,
             "resolveBy": "2026-12-05T09:30:00Z"}""")
    public record Result(String ticketNumber, String status, int version, Instant resolveBy) {
    }

    public record ExtensionResult(UUID id, String ticketNumber, String status, Instant requestedResolveBy) {
    }

    /**
     * A possible duplicate of a ticket (并单候选), best first.
     *
     * @param similarity the text similarity, 0 to 1, to three places
     * @param place      what the two places share: NEARBY, SAME_ADDRESS or SAME_DISTRICT
     */
    public record DuplicateCandidate(String ticketNumber, String status, double similarity, String place,
                                     Instant createdAt) {
        static DuplicateCandidate of(DuplicateService.Candidate c) {
            return new DuplicateCandidate(c.ticket().ticketNumber(), c.ticket().status().name(),
                    Math.round(c.similarity() * 1000) / 1000.0, c.place(), c.ticket().createdAt());
        }
    }
}
