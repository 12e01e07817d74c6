package org.linkage.intake.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewRequest", description = "实时分类预览 / Text to classify as it is typed", example = """
        {"title": "噪音扰民", "text": "楼上装修噪音太大了，晚上十一点还在砸墙"}""")
public record PreviewRequest(
        @Schema(description = "内容 / text", example = "楼上装修噪音太大了，晚上十一点还在砸墙", required = true)
        @NotBlank @Size(max = 4000)
        String text,
        @Schema(description = "标题 / subject line", example = "噪音扰民")
        @Size(max = 200)
        String title) {
}
