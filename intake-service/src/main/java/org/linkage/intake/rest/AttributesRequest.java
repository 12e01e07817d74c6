package org.linkage.intake.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "AttributesRequest", description = "分类必填项的回答 / Answers to the category's questions", example = """
        {"attributes": {"employer": "某建筑劳务公司", "amount": "20000", "workers": "6", "owedSince": "2026-09-01"}}""")
public record AttributesRequest(
        @Schema(description = "键为问题代码 / keyed by question code", example = "{\"amount\": \"20000\", \"employer\": \"某建筑劳务公司\"}",
                required = true)
        @NotNull @Size(max = 20)
        Map<String, @Size(max = 500) String> attributes) {
}
