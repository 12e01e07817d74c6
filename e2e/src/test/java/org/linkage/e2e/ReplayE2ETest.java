package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kafka delivers at least once; the system must still make exactly one ticket per referral. */
class ReplayE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aReplayedReferralMakesNoSecondTicket() {
        String callId = Calls.submit(Calls.WAGES + "，重复推送测试", "510107").getString("id");
        Calls.awaitDeliveredTicket(callId);
        assertEquals(1, Kafka.dispatchesOfCall(callId));

        Kafka.replayReferral(callId);
        // The router's consumer group has committed past the replay: it has seen it and acted (or not).
        Kafka.awaitConsumed("router-service", org.linkage.events.Topics.REFERRALS);

        assertEquals(1, Kafka.dispatchesOfCall(callId), "the replayed referral created a second ticket");
        assertEquals(1, Kafka.referralCount(callId) - 1, "the replay itself was published");
    }
}
