package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A row of the call list; personal data masked. */
@Schema(name = "CallSummary")
public record CallSummary(
        UUID id,
        @Schema(example = "110-20261128-000123") String callNumber,
        String channel,
        @Schema(example = "138****5678") String callerPhone,
        @Schema(example = "张*") String callerName,
        Instant receivedAt,
        String districtCode,
        @Schema(description = "决定的处置，待确认时为建议 / decided disposition, or the suggestion while pending",
                example = "NON_POLICE") String disposition,
        @Schema(example = "CONFIRMED") String decision,
        @Schema(example = "WAGES") String categoryCode,
        @Schema(description = "内容摘要 / first characters of the content") String excerpt,
        String ticketNumber,
        String ticketStatus,
        String takenBy,
        @Schema(description = "DELIVERED or DEAD_LETTERED", example = "DELIVERED") String deliveryStatus,
        @Schema(example = "成都市人力资源和社会保障局") String departmentName,
        @Schema(description = "办结时限 / the ticket's resolve-by deadline") Instant resolveBy,
        @Schema(description = "部门答复 / the department's answer, once given") String finalAnswer) {
}
