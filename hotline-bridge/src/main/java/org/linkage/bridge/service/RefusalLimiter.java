package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.bridge.config.BridgeConfig;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts refused inbound webhooks per caller address in one-minute windows. Only refusals count, and a correctly
 * signed update is always checked first, so nobody can lock a department out: whoever keeps failing is only told to
 * wait (429) instead of having every failure checked and recorded. Held in memory per instance: the point is to shed
 * load cheaply, not to account exactly across a cluster.
 */
@ApplicationScoped
public class RefusalLimiter {
    private static final Logger LOG = Logger.getLogger(RefusalLimiter.class);
    /** Addresses remembered at most; when full, windows that have ended go first, then everything. */
    static final int MAX_CALLERS = 10_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int refusals) {
    }

    /** Too many refusals from one address this minute; answered 429 with Retry-After, nothing recorded. */
    public static final class TooManyRefusals extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyRefusals(long retryAfterSeconds) {
            super("Too many refused webhooks from this address; fix the signing key, then retry after "
                    + retryAfterSeconds + " s.", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public RefusalLimiter(BridgeConfig config, Clock clock) {
        this.limit = config.signing().refusalsPerMinute();
        this.clock = clock;
    }

    /**
     * Counts one refusal for {@code caller}.
     *
     * @throws TooManyRefusals when the caller is past its limit for this minute (the refusal need not be recorded)
     */
    public void refused(String caller) {
        long now = clock.millis();
        long minute = now / 60_000;
        if (windows.size() >= MAX_CALLERS) {
            windows.values().removeIf(w -> w.minute() != minute);
            if (windows.size() >= MAX_CALLERS) {
                windows.clear();   // a flood of addresses: forget them all rather than grow without bound
            }
        }
        Window w = windows.merge(caller, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.refusals() + 1) : one);
        if (w.refusals() == limit + 1) {
            LOG.warnf("inbound webhooks from %s refused %d times this minute; further refusals get 429 until it ends", caller, limit);
        }
        if (w.refusals() > limit) {
            throw new TooManyRefusals(Math.max(1, 60 - (now / 1000) % 60));
        }
    }
}
