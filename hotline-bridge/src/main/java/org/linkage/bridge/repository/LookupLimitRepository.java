package org.linkage.bridge.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The public look-up counters, one row per bucket (a client address or a ticket number) and window. The table has no
 * entity: a row is only ever counted up in one statement and dropped when its window has ended.
 */
@ApplicationScoped
public class LookupLimitRepository {
    private final EntityManager em;

    public LookupLimitRepository(EntityManager em) {
        this.em = em;
    }

    /** Counts one attempt in the bucket's window (a new window starts again at 1); returns the count. */
    public int countAttempt(String bucket, Instant windowStart) {
        // native: an upsert (on conflict … returning) counts atomically across replicas, which JPQL cannot say
        Object n = em.createNativeQuery("""
                        insert into public_lookup_limit (bucket, window_start, attempts) values (?1, ?2, 1)
                        on conflict (bucket) do update set
                            attempts = case when public_lookup_limit.window_start = excluded.window_start
                                            then public_lookup_limit.attempts + 1 else 1 end,
                            window_start = excluded.window_start
                        returning attempts""")
                .setParameter(1, bucket).setParameter(2, windowStart.atOffset(ZoneOffset.UTC))
                .getSingleResult();
        return ((Number) n).intValue();
    }

    /** Drops the buckets of windows that started before {@code start}. */
    public void forgetWindowsBefore(Instant start) {
        // native: the table has no entity (see above) for JPQL to name
        em.createNativeQuery("delete from public_lookup_limit where window_start < ?1")
                .setParameter(1, start.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
