package org.linkage.router.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.linkage.router.domain.AppealGround;

/** Request bodies of the assessment: appeals and themes of the month. */
public final class AssessmentRequests {
    private AssessmentRequests() {
    }

    /** 申诉: the ground, and words (required for OTHER). */
    public record Filing(@NotNull AppealGround ground, @Size(max = 2000) String reason) {
    }

    /** A supervisor's decision on an appeal: always with a reason. */
    public record Decision(@NotNull Boolean accept, @NotBlank @Size(max = 2000) String reason) {
    }

    /** 每月一题: the month (YYYY-MM), the category and the district flagged. */
    public record Theme(@NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month,
                        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
                        @Size(max = 2000) String note) {
    }

    /** 发布月度考核排名: the month (YYYY-MM), and why when the month is published already. */
    public record Publication(@NotBlank String month, @Size(max = 2000) String reason) {
    }
}
