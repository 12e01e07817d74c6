package org.linkage.intake.service;

import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Decision;

import java.time.Instant;

/**
 * Filters of the call list; null means "any". {@code disposition} matches the decided disposition,
 * or the suggestion while the call is still pending.
 */
public record CallQuery(Instant from, Instant to, Disposition disposition, Decision decision, String categoryCode,
                        String districtCode, String text, String retrievalCode, int page, int size) {
}
