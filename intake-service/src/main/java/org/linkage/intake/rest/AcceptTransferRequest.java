package org.linkage.intake.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptTransferRequest", description = "受理12345移交的警情 / Accepting a police matter handed back by 12345",
        example = """
        {"incidentNumber": "JQ20261128000045", "note": "已派武侯派出所出警"}""")
public record AcceptTransferRequest(
        @Schema(description = "接警后生成的警情编号 / the police incident opened for it", example = "JQ20261128000045")
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$")
        String incidentNumber,
        @Schema(description = "备注 / note", example = "已派武侯派出所出警")
        @Size(max = 2000)
        String note) {
}
