package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Contact", description = "未脱敏联系方式（已记审计） / The unmasked contact (audited read)")
public record ContactView(UUID callId, @Schema(example = "110-20261128-000123") String callNumber,
                          @Schema(example = "13812345678") String callerPhone,
                          @Schema(example = "张三") String callerName) {
}
