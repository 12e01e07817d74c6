package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.bridge.config.BridgeConfig;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts refused inbound webhooks per caller and department in one-minute windows. Only refusals count, so a
 * department system that signs correctly is never slowed by its own traffic; one that keeps failing is told to wait.
 * Held in memory per instance: the point is to shed load cheaply, not to account exactly across a cluster.
 */
@ApplicationScoped
public class RefusalLimiter {
    private static final Logger LOG = Logger.getLogger(RefusalLimiter.class);
    /** Callers remembered at most; beyond it, windows that have ended are dropped first. */
    static final int MAX_CALLERS = 10_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long minute, int refusals) {
    }

    public RefusalLimiter(BridgeConfig config, Clock clock) {
        this.limit = config.signing().refusalsPerMinute();
        this.clock = clock;
    }

    /** @return 0 if the caller may be heard, else the seconds until its window ends */
    public long waitSeconds(String caller) {
        Window w = windows.get(caller);
        long now = clock.millis();
        if (w == null || w.minute() != now / 60_000 || w.refusals() < limit) {
            return 0;
        }
        return Math.max(1, 60 - (now / 1000) % 60);
    }

    public void refused(String caller) {
        long minute = clock.millis() / 60_000;
        if (windows.size() >= MAX_CALLERS) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
        Window w = windows.merge(caller, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.refusals() + 1) : one);
        if (w.refusals() == limit) {
            LOG.warnf("inbound webhooks from %s refused %d times this minute; further ones get 429 until it ends", caller, limit);
        }
    }
}
