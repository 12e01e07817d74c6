package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A 110 call-taker asks 12345 to take an unclear call (the data side of a three-way call, 三方通话): a 12345 dispatcher
 * accepts or declines it before {@code expiresAt}; if nobody does, the line that received the call keeps it (首接负责).
 * Carries no caller contact: the dispatcher decides on the matter, and an accepted call reaches 12345 as an ordinary
 * referral ({@link ReferralCreated}) afterwards, with the contact.
 *
 * @param suggestedDisposition the classifier's suggestion ({@code POLICE}, {@code JOINT}, {@code NON_POLICE}, {@code INVALID})
 * @param categoryCode         the suggested category, if any
 * @param note                 the call-taker's hand-over note (交接说明)
 * @param expiresAt            the decision's time limit; the router expires the request then
 */
public record ConsultationRequested(
        UUID consultationId,
        UUID callId,
        String callNumber,
        String suggestedDisposition,
        String categoryCode,
        String content,
        String address,
        String districtCode,
        String note,
        String requestedBy,
        Instant requestedAt,
        Instant expiresAt) implements LinkageEvent {

    /** On the referrals stream, keyed by the call: an accepted call's referral follows its request in order. */
    @Override
    public String topic() {
        return Topics.REFERRALS;
    }

    @Override
    public String type() {
        return EventTypes.CONSULTATION_REQUESTED;
    }

    @Override
    public String key() {
        return callId.toString();
    }

    @Override
    public String subject() {
        return callNumber;
    }
}
