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
 * @param confidential  true when the caller asked that their identity be kept from the department (保密); the router
 *                      then lets no name or phone reach a department and 12345 calls back itself. Null means false
 * @param callerHash    the caller's number as a keyed hash (HMAC-SHA256, hex), so 12345 can match the caller's
 *                      history across both lines without comparing clear numbers; null without a number, or from
 *                      a sender older than issue 12 part 4
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
        Boolean confidential,
        String callerHash,
        java.util.Map<String, String> attributes) implements CallEvent {

    /** A referral from before the category questions (issue 13): no answers. */
    public ReferralCreated(UUID referralId, UUID callId, String callNumber, String disposition, String categoryCode,
                           String urgency, String content, String address, String districtCode, Double latitude,
                           Double longitude, String callerPhone, String callerName, Instant receivedAt,
                           String incidentNumber, String referredBy, Instant referredAt, String retrievalCode,
                           Boolean receiptsOptOut, Boolean confidential, String callerHash) {
        this(referralId, callId, callNumber, disposition, categoryCode, urgency, content, address, districtCode,
                latitude, longitude, callerPhone, callerName, receivedAt, incidentNumber, referredBy, referredAt,
                retrievalCode, receiptsOptOut, confidential, callerHash, null);
    }

    /** A referral from before confidential cases and the caller history (issue 12 parts 3 and 4). */
    public ReferralCreated(UUID referralId, UUID callId, String callNumber, String disposition, String categoryCode,
                           String urgency, String content, String address, String districtCode, Double latitude,
                           Double longitude, String callerPhone, String callerName, Instant receivedAt,
                           String incidentNumber, String referredBy, Instant referredAt, String retrievalCode,
                           Boolean receiptsOptOut) {
        this(referralId, callId, callNumber, disposition, categoryCode, urgency, content, address, districtCode,
                latitude, longitude, callerPhone, callerName, receivedAt, incidentNumber, referredBy, referredAt,
                retrievalCode, receiptsOptOut, null, null, null);
    }

    /** A referral from before the case look-up and receipts (issue 12): no code, receipts wanted. */
    public ReferralCreated(UUID referralId, UUID callId, String callNumber, String disposition, String categoryCode,
                           String urgency, String content, String address, String districtCode, Double latitude,
                           Double longitude, String callerPhone, String callerName, Instant receivedAt,
                           String incidentNumber, String referredBy, Instant referredAt) {
        this(referralId, callId, callNumber, disposition, categoryCode, urgency, content, address, districtCode,
                latitude, longitude, callerPhone, callerName, receivedAt, incidentNumber, referredBy, referredAt,
                null, null, null, null, null);
    }

    @Override
    public String type() {
        return EventTypes.REFERRAL_CREATED;
    }
}
