package org.linkage.events;

import java.util.UUID;

/**
 * An event about a 110 call, on {@link Topics#REFERRALS}: keyed by the call id, so one call's referral and answer stay
 * in order, with the call number as its subject.
 */
public interface CallEvent extends LinkageEvent {
    UUID callId();

    String callNumber();

    @Override
    default String topic() {
        return Topics.REFERRALS;
    }

    @Override
    default String key() {
        return callId().toString();
    }

    @Override
    default String subject() {
        return callNumber();
    }
}
