package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.bridge.config.PublicCaseConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Counts public look-ups per client address and per ticket number in fixed windows. Unlike the webhook refusal
 * limiter this one counts in the database: the per-ticket limit is what makes a retrieval code unguessable, and a
 * count per replica would multiply it by the number of replicas. Every attempt counts, found or not, and an unknown
 * ticket number is counted like a known one, so a 429 says nothing about whether the ticket exists.
 */
@ApplicationScoped
public class LookupLimiter {
    private final EntityManager em;
    private final PublicCaseConfig config;
    private final Clock clock;

    public LookupLimiter(EntityManager em, PublicCaseConfig config, Clock clock) {
        this.em = em;
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
        Object n = em.createNativeQuery("""
                        insert into public_lookup_limit (bucket, window_start, attempts) values (?1, ?2, 1)
                        on conflict (bucket) do update set
                            attempts = case when public_lookup_limit.window_start = excluded.window_start
                                            then public_lookup_limit.attempts + 1 else 1 end,
                            window_start = excluded.window_start
                        returning attempts""")
                .setParameter(1, bucket.length() > 120 ? bucket.substring(0, 120) : bucket)
                .setParameter(2, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                .getSingleResult();
        return ((Number) n).intValue();
    }

    /** Buckets of ended windows are only clutter (and client addresses): drop them. */
    @Transactional
    public void forgetEndedWindows() {
        em.createNativeQuery("delete from public_lookup_limit where window_start < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant().minus(config.window()), ZoneOffset.UTC))
                .executeUpdate();
    }
}
