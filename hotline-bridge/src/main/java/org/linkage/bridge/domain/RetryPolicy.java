package org.linkage.bridge.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff capped at {@code maxDelay}, with "equal
 * jitter" (half fixed, half random) so deliveries that failed together do not return together.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Delay after the given failed attempt (1-based); {@code random} yields values in [0, 1). */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exponential = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        long half = exponential / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (exponential - half)));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * Whether a response code is worth retrying: server errors, 408 and 429 are transient; any
     * other client error means the request itself is wrong and will not get better by repetition.
     */
    public static boolean transientStatus(int code) {
        return code >= 500 || code == 408 || code == 429;
    }
}
