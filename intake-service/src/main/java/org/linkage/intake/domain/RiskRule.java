package org.linkage.intake.domain;

import java.time.Duration;
import java.util.List;

/**
 * One warning rule as configured: what it looks for, how far back, how many contacts it takes, the words (for
 * {@link RiskKind#THREAT_WORDS}) and what the call-taker reads.
 *
 * @param minCount for REPEAT_CALLS the contacts on the matter, this call included; for the others the earlier
 *                 contacts that must show the pattern (usually 1)
 */
public record RiskRule(String code, RiskKind kind, Duration window, int minCount, List<String> words, String labelZh,
                       String labelEn) {
    public RiskRule {
        if (code == null || !code.matches("[A-Z0-9_]{2,40}")) {
            throw new IllegalArgumentException("rule code must be 2-40 of A-Z, 0-9, _: " + code);
        }
        if (kind == null || window == null || window.isNegative() || window.isZero() || minCount < 1) {
            throw new IllegalArgumentException("rule " + code + ": kind, a positive window and min count >= 1 needed");
        }
        words = words == null ? List.of() : List.copyOf(words);
        if (kind == RiskKind.THREAT_WORDS && words.isEmpty()) {
            throw new IllegalArgumentException("rule " + code + ": a threat rule needs words");
        }
    }
}
