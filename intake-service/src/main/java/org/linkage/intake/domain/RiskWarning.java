package org.linkage.intake.domain;

import java.util.List;

/**
 * A risk warning raised for a call, and why: which rule, and the earlier calls and tickets that made it fire.
 *
 * @param evidence call numbers (110-…) and ticket numbers (12345-…) of the contacts the rule counted
 * @param detail   what was found, in Chinese then English (counts, the words heard)
 */
public record RiskWarning(String ruleCode, RiskKind kind, String labelZh, String labelEn, List<String> evidence,
                          String detail) {
    public RiskWarning {
        evidence = List.copyOf(evidence);
    }
}
