package org.linkage.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.classification.Disposition;
import org.linkage.events.Urgency;

@Schema(name = "OverrideRequest", description = "改判 / The call-taker's correction of the suggestion", example = """
        {"disposition": "JOINT", "categoryCode": "WAGES", "reason": "双方已发生推搡，需先行派警", "urgency": "URGENT",
         "attributes": {"amount": "20000", "employer": "某建筑劳务公司"}}""")
public record OverrideRequest(
        @Schema(description = "处置 / disposition", example = "JOINT", required = true)
        @NotNull
        Disposition disposition,
        @Schema(description = "类别代码；INVALID 时不填 / category code; none for INVALID", example = "WAGES")
        @Size(max = 40)
        String categoryCode,
        @Schema(description = "改判理由（必填） / why (required)", example = "双方已发生推搡，需先行派警", required = true)
        @NotBlank @Size(max = 2000)
        String reason,
        @Schema(description = "紧急程度 / urgency", example = "URGENT")
        Urgency urgency,
        @Schema(description = "分类必填项的回答，键为问题代码（见 GET /api/categories/{code}/questions） / answers to the new category's questions; when absent the call's "
                + "answers stand", example = "{\"amount\": \"20000\", \"employer\": \"某建筑劳务公司\"}")
        @Size(max = 20)
        java.util.Map<String, @Size(max = 500) String> attributes) {
}
