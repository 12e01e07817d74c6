package org.linkage.intake.classification;

/** Where a call belongs: kept by 110, handed to 12345, both (police attend first), or nothing to act on. */
public enum Disposition {
    POLICE, NON_POLICE, JOINT, INVALID
}
