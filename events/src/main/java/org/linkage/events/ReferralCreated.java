package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A call, or the non-police rest of an incident (joint handling), handed from 110 to 12345.
 *
 * @param disposition   {@code NON_POLICE} or {@code JOINT}; police matters are never referred
 * @param urgency       a {@link Urgency} name
 * @param incidentNumber the 110 incident the referral came out of, for joint handling; else null
 * @param callerPhone   unmasked: 12345 may need to call back; the router masks it per role
 */
public record ReferralCreated(
        UUID referralId,
        UUID callId,
        String callNumber,
        String disposition,
        String categoryCode,
        String urgency,
        String content,
        String address,
        String districtCode,
        Double latitude,
        Double longitude,
        String callerPhone,
        String callerName,
        Instant receivedAt,
        String incidentNumber,
        String referredBy,
        Instant referredAt) implements LinkageEvent {
    @Override
    public String topic() {
        return Topics.REFERRALS;
    }

    @Override
    public String type() {
        return EventTypes.REFERRAL_CREATED;
    }

    /** The call id. */
    @Override
    public String key() {
        return callId.toString();
    }

    @Override
    public String subject() {
        return callNumber;
    }
}
