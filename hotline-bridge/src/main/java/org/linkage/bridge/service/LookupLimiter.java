package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.bridge.config.PublicCaseConfig;
import org.linkage.bridge.repository.LookupLimitRepository;

import java.time.Clock;
import java.time.Instant;

/**
 * Counts public look-ups per client address and per ticket number in fixed windows. Unlike the webhook refusal
 * limiter this one counts in the database: the per-ticket limit is what makes a retrieval code unguessable, and a
 * count per replica would multiply it by the number of replicas. Every attempt counts, found or not, and an unknown
 * ticket number is counted like a known one, so a 429 says nothing about whether the ticket exists.
 */
@ApplicationScoped
public class LookupLimiter {
    private final LookupLimitRepository limits;
    private final PublicCaseConfig config;
    private final Clock clock;

    public LookupLimiter(LookupLimitRepository limits, PublicCaseConfig config, Clock clock) {
        this.limits = limits;
        this.config = config;
        this.clock = clock;
    }

    /** Too many attempts; answered 429 with Retry-After. */
    public static final class TooManyLookups extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyLookups(long retryAfterSeconds) {
            super("查询过于频繁，请稍后再试 / Too many look-ups; try again in " + retryAfterSeconds + " s.", null, false,
                    false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Counts one attempt against both buckets (in its own transaction, so a refused look-up still counts).
     *
     * @return seconds to wait when either bucket is past its limit, else 0
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long attempt(String address, String ticketNumber) {
        long windowMillis = config.window().toMillis();
        long now = clock.millis();
        Instant start = Instant.ofEpochMilli(now - now % windowMillis);
        int byAddress = count("address:" + address, start);
        int byTicket = count("ticket:" + ticketNumber, start);
        if (byAddress > config.perAddress() || byTicket > config.perTicket()) {
            return Math.max(1, (start.toEpochMilli() + windowMillis - now + 999) / 1000);
        }
        return 0;
    }

    private int count(String bucket, Instant windowStart) {
        return limits.countAttempt(bucket.length() > 120 ? bucket.substring(0, 120) : bucket, windowStart);
    }

    /** Buckets of ended windows are only clutter (and client addresses): drop them. */
    @Transactional
    public void forgetEndedWindows() {
        limits.forgetWindowsBefore(clock.instant().minus(config.window()));
    }
}
