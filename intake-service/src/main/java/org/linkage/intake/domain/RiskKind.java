package org.linkage.intake.domain;

/**
 * The patterns a risk warning (风险预警) can look for. The code knows these four; which of them are on, their
 * windows, thresholds, words and labels are data ({@code risk/rules.csv}).
 */
public enum RiskKind {
    /** Several contacts on the same matter (category) within the window, on either line, this call included. */
    REPEAT_CALLS,
    /** A non-police matter that police have already attended: a joint call, an incident, or a ticket handed to 110. */
    POLICE_ATTENDED,
    /** A ticket on the same matter was reopened after the caller said, at the call-back, they were not satisfied. */
    REOPENED_UNSATISFIED,
    /** An earlier call said words of threat (one of the rule's words). */
    THREAT_WORDS
}
