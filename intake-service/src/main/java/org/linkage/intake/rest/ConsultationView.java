package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.repository.ConsultationEntity;

import java.time.Instant;
import java.util.UUID;

/** A consultation request and 12345's answer: who decided, and when. */
@Schema(name = "Consultation", description = "会商请求 / A consultation request to 12345 and its answer", example = """
        {"id": "3e7b1c90-6d2a-4f58-8b14-9c0a5e2d7f63", "status": "ACCEPTED",
         "note": "来电人反映小区门口有人争吵，未见动手，疑为物业纠纷，请12345判断是否受理", "requestedBy": "calltaker1",
         "requestedAt": "2026-11-28T12:02:10Z", "expiresAt": "2026-11-28T12:05:10Z", "decidedBy": "dispatcher1",
         "decidedAt": "2026-11-28T12:03:02Z", "reason": null, "categoryCode": "PROPERTY"}""")
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
