package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Contact", description = "未脱敏联系方式（已记审计） / The unmasked contact (audited read)", example = """
        {"callId": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "callNumber": "110-20261128-000123",
         "callerPhone": "13812345678", "callerName": "张三"}""")
public record ContactView(UUID callId, @Schema(example = "110-20261128-000123") String callNumber,
                          @Schema(example = "13812345678") String callerPhone,
                          @Schema(example = "张三") String callerName) {
}
