package org.linkage.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsultationRequest", description = "请12345会商（三方通话） / Ask 12345 to take an unclear call", example = """
        {"note": "来电人反映小区门口有人争吵，未见动手，疑为物业纠纷，请12345判断是否受理"}""")
public record ConsultationRequest(
        @Schema(description = "交接说明：为何不明确、已问到什么 / hand-over note: why it is unclear, what is known", required = true,
                example = "来电人反映小区门口有人争吵，未见动手，疑为物业纠纷，请12345判断是否受理")
        @NotBlank @Size(max = 1000)
        String note) {
}
