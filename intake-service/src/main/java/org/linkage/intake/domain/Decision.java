package org.linkage.intake.domain;

/**
 * The call-taker's decision on the classifier's suggestion. Nothing is referred while a call is
 * {@code PENDING}: the suggestion is only a suggestion until a person confirms or overrides it.
 * {@code ANSWERED}: the caller's question was answered on the spot from the knowledge base (咨询直接答复),
 * so nothing is referred and no ticket is made.
 */
public enum Decision {
    PENDING, CONFIRMED, OVERRIDDEN, ANSWERED
}
