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
 * @param retrievalCode the code the caller was given (查询码): with the ticket number it opens the public case
 *                      look-up; a secret, never shown to departments
 * @param receiptsOptOut true when the caller asked for no text messages (回执) about the case; null means false
 * @param attributes    the answers to the category's questions (分类必填项), keyed by question code, written as
 *                      {@link CategoryAnswers} writes them; null or empty when none were asked or answered
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
        Instant referredAt,
        String retrievalCode,
        Boolean receiptsOptOut,
        java.util.Map<String, String> attributes) implements LinkageEvent {

    /** A referral from before the case look-up and receipts (issue 12): no code, receipts wanted. */
    public ReferralCreated(UUID referralId, UUID callId, String callNumber, String disposition, String categoryCode,
                           String urgency, String content, String address, String districtCode, Double latitude,
                           Double longitude, String callerPhone, String callerName, Instant receivedAt,
                           String incidentNumber, String referredBy, Instant referredAt) {
        this(referralId, callId, callNumber, disposition, categoryCode, urgency, content, address, districtCode,
                latitude, longitude, callerPhone, callerName, receivedAt, incidentNumber, referredBy, referredAt,
                null, null, null);
    }

    /** A referral from before the category questions (issue 13): no answers. */
    public ReferralCreated(UUID referralId, UUID callId, String callNumber, String disposition, String categoryCode,
                           String urgency, String content, String address, String districtCode, Double latitude,
                           Double longitude, String callerPhone, String callerName, Instant receivedAt,
                           String incidentNumber, String referredBy, Instant referredAt, String retrievalCode,
                           Boolean receiptsOptOut) {
        this(referralId, callId, callNumber, disposition, categoryCode, urgency, content, address, districtCode,
                latitude, longitude, callerPhone, callerName, receivedAt, incidentNumber, referredBy, referredAt,
                retrievalCode, receiptsOptOut, null);
    }

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
