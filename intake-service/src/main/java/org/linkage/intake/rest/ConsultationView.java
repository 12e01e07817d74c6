package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.repository.ConsultationEntity;

import java.time.Instant;
import java.util.UUID;

/** A consultation request and 12345's answer: who decided, and when. */
@Schema(name = "Consultation", description = "会商请求 / A consultation request to 12345 and its answer")
public record ConsultationView(
        UUID id,
        @Schema(description = "PENDING, ACCEPTED, DECLINED or EXPIRED", example = "PENDING") String status,
        @Schema(description = "交接说明 / hand-over note") String note,
        @Schema(example = "calltaker1") String requestedBy,
        Instant requestedAt,
        @Schema(description = "答复时限 / 12345 must decide before this") Instant expiresAt,
        @Schema(description = "接收或拒绝的12345话务员；超时为系统 / the dispatcher, or the system on expiry",
                example = "dispatcher1") String decidedBy,
        Instant decidedAt,
        @Schema(description = "拒绝理由 / the reason given") String reason,
        @Schema(description = "接收时选定的类别 / category chosen on acceptance", example = "PROPERTY") String categoryCode) {

    static ConsultationView of(ConsultationEntity c) {
        return c == null ? null : new ConsultationView(c.id, c.status.name(), c.note, c.requestedBy, c.requestedAt,
                c.expiresAt, c.decidedBy, c.decidedAt, c.reason, c.categoryCode);
    }
}
