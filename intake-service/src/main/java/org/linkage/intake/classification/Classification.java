package org.linkage.intake.classification;

import java.util.List;

/**
 * @param signals what decided it, in words a call-taker understands (e.g. "danger: 打人")
 */
public record Classification(Disposition disposition, String categoryCode, double confidence, List<String> signals,
                             String modelVersion) {
}
