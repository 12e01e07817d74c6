package org.linkage.router.domain;

/** A unit's part in a ticket: the lead (主办), who signs, replies and may return it, or a supporting unit (协办). */
public enum UnitRole {
    LEAD, SUPPORTING
}
