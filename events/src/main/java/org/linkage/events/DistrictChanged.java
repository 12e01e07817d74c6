package org.linkage.events;

import java.time.Instant;

/**
 * A district as the router (the owner of reference data) now holds it, sent whenever one is added or changed
 * through its admin API. Intake accepts a call's district code by the latest of these, falling back to the list it
 * ships with for codes the router never announced.
 *
 * @param code   GB/T 2260 code, or a CD-* code for a zone without one
 * @param active false: no new calls or tickets for this district
 */
public record DistrictChanged(String code, String nameZh, String nameEn, String city, boolean active, Instant at)
        implements LinkageEvent {
    /**
     * The form of a district code, checked where one is made (the router's admin API) and where one is used (intake's
     * calls), so the owner never announces a code its follower refuses: six digits (GB/T 2260), or a zone code of
     * letters and hyphenated parts (CD-TIANFU).
     */
    public static final String CODE_PATTERN = "^(\\d{6}|[A-Z]{2,10}(-[A-Z0-9]{1,20})+)$";

    @Override
    public String topic() {
        return Topics.DISTRICTS;
    }

    @Override
    public String type() {
        return EventTypes.DISTRICT_CHANGED;
    }

    /** The district code: the latest event of a district is its current state. */
    @Override
    public String key() {
        return code;
    }

    @Override
    public String subject() {
        return code;
    }
}
