package org.linkage.router.domain;

/** How a dispatch rule names its lead unit (the {@code lead_kind} column). */
public enum LeadKind {
    /** A named city-level unit, the same for every district. */
    MUNICIPAL,
    /** The unit of the ticket's district that carries the rule's function (GOV, URBAN). */
    DISTRICT
}
