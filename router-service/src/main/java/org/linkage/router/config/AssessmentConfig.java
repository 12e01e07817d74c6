package org.linkage.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;

/**
 * The weights of the monthly ranking ({@code linkage.router.assessment.weights.*}). The defaults follow the practice
 * of weighting the caller's verdict (resolution, satisfaction) above the unit's own punctuality; together they must
 * make exactly 1, which is checked when the router starts, so a mistyped weight stops it rather than skewing a ranking.
 */
@ConfigMapping(prefix = "linkage.router.assessment")
public interface AssessmentConfig {
    Weights weights();

    interface Weights {
        @WithName("sign-on-time")
        @WithDefault("0.15")
        BigDecimal signOnTime();

        @WithName("close-on-time")
        @WithDefault("0.15")
        BigDecimal closeOnTime();

        @WithDefault("0.35")
        BigDecimal resolution();

        @WithDefault("0.35")
        BigDecimal satisfaction();
    }
}
