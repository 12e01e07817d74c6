package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A police matter handed back by 12345. The phone is masked in the queue and shown in full to whoever accepts. */
@Schema(name = "PoliceTransfer")
public record PoliceTransferView(
        UUID id,
        UUID ticketId,
        @Schema(example = "12345-20261128-000042") String ticketNumber,
        UUID callId,
        @Schema(example = "DISPATCHER") String origin,
        @Schema(example = "来电称对方持刀威胁") String reason,
        String content,
        String address,
        String districtCode,
        @Schema(example = "138****5678") String callerPhone,
        String callerName,
        String transferredBy,
        Instant transferredAt,
        Instant receivedAt,
        @Schema(example = "WAITING") String state,
        String acceptedBy,
        Instant acceptedAt,
        String incidentNumber,
        String note) {
}
