package org.linkage.router.service;

import org.linkage.events.Urgency;

import java.time.Instant;
import java.util.UUID;

/**
 * What a new ticket is made from: a 110 referral or a request that reached 12345 directly.
 *
 * @param retrievalCode  the call's retrieval code, for the caller's case look-up; null when not from a call
 * @param receiptsOptOut the caller wants no text-message receipts
 * @param confidential   the caller's identity is kept from the department (保密)
 * @param callerHash     the caller's hash as intake computed it; null to compute it here from the number
 * @param attributes     the answers to the category's questions, already checked (null: none)
 * @param callerMediaUrl the caller's own photo link (Open311 {@code media_url}), already checked by
 *                       {@code MediaLink}; kept as a link and never fetched by Linkage (null: none)
 */
public record TicketDraft(UUID referralId, UUID callId, String callNumber, String channel, String categoryCode,
                          Urgency urgency, String content, String address, String districtCode, Double latitude,
                          Double longitude, String callerPhone, String callerName, String email, Instant receivedAt,
                          String retrievalCode, boolean receiptsOptOut, boolean confidential, String callerHash,
                          // left out of the request fingerprint when empty, so a key filed before the questions
                          // existed still matches its retry
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                          java.util.Map<String, String> attributes,
                          // likewise left out when null, so the keys of requests without a photo link stay as they were
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          String callerMediaUrl) {

    /** A request without a photo link of the caller's (every one but an Open311 request that sent one). */
    public TicketDraft(UUID referralId, UUID callId, String callNumber, String channel, String categoryCode,
                       Urgency urgency, String content, String address, String districtCode, Double latitude,
                       Double longitude, String callerPhone, String callerName, String email, Instant receivedAt,
                       String retrievalCode, boolean receiptsOptOut, boolean confidential, String callerHash,
                       java.util.Map<String, String> attributes) {
        this(referralId, callId, callNumber, channel, categoryCode, urgency, content, address, districtCode, latitude,
                longitude, callerPhone, callerName, email, receivedAt, retrievalCode, receiptsOptOut, confidential,
                callerHash, attributes, null);
    }

    /** A request that is not confidential, without answers, whose caller hash the router computes from the number. */
    public TicketDraft(UUID referralId, UUID callId, String callNumber, String channel, String categoryCode,
                       Urgency urgency, String content, String address, String districtCode, Double latitude,
                       Double longitude, String callerPhone, String callerName, String email, Instant receivedAt,
                       String retrievalCode, boolean receiptsOptOut) {
        this(referralId, callId, callNumber, channel, categoryCode, urgency, content, address, districtCode, latitude,
                longitude, callerPhone, callerName, email, receivedAt, retrievalCode, receiptsOptOut, false, null, null);
    }

    /** A request without a retrieval code whose caller gets receipts. */
    public TicketDraft(UUID referralId, UUID callId, String callNumber, String channel, String categoryCode,
                       Urgency urgency, String content, String address, String districtCode, Double latitude,
                       Double longitude, String callerPhone, String callerName, String email, Instant receivedAt) {
        this(referralId, callId, callNumber, channel, categoryCode, urgency, content, address, districtCode, latitude,
                longitude, callerPhone, callerName, email, receivedAt, null, false, false, null, null);
    }
}
