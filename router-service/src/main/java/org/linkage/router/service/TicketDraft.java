package org.linkage.router.service;

import org.linkage.events.Urgency;

import java.time.Instant;
import java.util.UUID;

/** What a new ticket is made from: a 110 referral or a request that reached 12345 directly. */
public record TicketDraft(UUID referralId, UUID callId, String callNumber, String channel, String categoryCode,
                          Urgency urgency, String content, String address, String districtCode, Double latitude,
                          Double longitude, String callerPhone, String callerName, String email, Instant receivedAt) {
}
