package org.linkage.intake.domain;

/**
 * The call-taker's decision on the classifier's suggestion. Nothing is referred while a call is
 * {@code PENDING}: the suggestion is only a suggestion until a person confirms or overrides it.
 */
public enum Decision {
    PENDING, CONFIRMED, OVERRIDDEN
}
