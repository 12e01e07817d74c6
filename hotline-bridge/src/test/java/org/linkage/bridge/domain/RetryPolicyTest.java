package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(12, Duration.ofSeconds(10), Duration.ofMinutes(30));

    @Test
    void delayDoublesBetweenHalfAndFullOfTheExponentialStep() {
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, () -> 0.0));
        assertEquals(Duration.ofMillis(9999), policy.delayAfter(1, () -> 0.9999));
        assertEquals(Duration.ofSeconds(20), policy.delayAfter(3, () -> 0.0));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(3, () -> 0.5));
    }

    @Test
    void delayIsCappedEvenForHugeAttemptNumbers() {
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(1000, () -> 0.0));
        assertTrue(policy.delayAfter(1000, () -> 0.999999999).compareTo(Duration.ofMinutes(30)) <= 0);
        assertTrue(policy.delayAfter(9, () -> 0.999999999).compareTo(Duration.ofMinutes(30)) <= 0);
    }

    @Test
    void defaultScheduleOutlastsAnHourLongOutage() {
        // Even with the least jitter, the 12 attempts of the default policy (BridgeConfig) span more than an hour.
        long total = 0;
        for (int attempt = 1; attempt < 12; attempt++) {
            total += policy.delayAfter(attempt, () -> 0.0).toMillis();
        }
        assertTrue(total > Duration.ofHours(1).toMillis(), "total " + Duration.ofMillis(total));
    }

    @Test
    void transientStatusesAreRetriedOthersAreNot() {
        assertTrue(RetryPolicy.transientStatus(503));
        assertTrue(RetryPolicy.transientStatus(429));
        assertTrue(RetryPolicy.transientStatus(408));
        assertFalse(RetryPolicy.transientStatus(400));
        assertFalse(RetryPolicy.transientStatus(404));
        assertTrue(policy.exhausted(12));
        assertFalse(policy.exhausted(11));
    }
}
