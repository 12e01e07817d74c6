package org.linkage.intake.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Pushes committed changes of the hand-back queue to the console streams open on this replica.
 * <p>
 * Changes come from one place, {@link PoliceTransferListener}, which hears every replica's commits; it
 * must never wait for a console, so each subscriber gets its own bounded backlog and is served on a
 * worker thread; one that falls further behind than the backlog is failed (its console reconnects and
 * re-reads the list) instead of holding up the others or the listener.
 * <p>
 * The feed is live only while the listener is: when the listener loses its connection, changes made
 * meanwhile are never heard, so every open stream is ended (its console reconnects and re-reads) and no
 * stream is opened until the listener listens again.
 */
@ApplicationScoped
public class PoliceTransferFeed {
    /** Changes a console may fall behind by; the queue sees a few hand-backs an hour, so this is generous. */
    static final int BACKLOG = 256;
    /** How soon a console turned away while the listener reconnects should try again. */
    static final int RETRY_SECONDS = 2;

    /** Null while this replica is not listening. Guarded by this: a Reactive Streams subscriber must never be called concurrently. */
    private BroadcastProcessor<PoliceTransferChange> changes;

    /** The listener listens: streams may open from now on. */
    synchronized void open() {
        if (changes == null) {
            changes = BroadcastProcessor.create();
        }
    }

    /** Each subscriber only enqueues, so the lock is held for microseconds per change. */
    synchronized void publish(List<PoliceTransferChange> committed) {
        if (changes != null) {
            committed.forEach(changes::onNext);
        }
    }

    /** The listener stopped hearing changes: end every open stream after what it already has. */
    synchronized void interrupt() {
        if (changes != null) {
            changes.onComplete();
            changes = null;
        }
    }

    public synchronized boolean live() {
        return changes != null;
    }

    /**
     * Changes committed from now on; nothing from before (a console reads the list for that). Completes
     * when this replica stops hearing changes. Refused (503) while it is not listening.
     */
    public Multi<PoliceTransferChange> subscribe() {
        BroadcastProcessor<PoliceTransferChange> current;
        synchronized (this) {
            current = changes;
        }
        if (current == null) {
            throw new ProblemException(503, "Service unavailable",
                    "Live changes are reconnecting to the database; retry shortly and re-read GET /api/police-transfers."
                            + " / 实时推送正在重连，请稍后重试。", null, Map.of("retryAfterSeconds", RETRY_SECONDS));
        }
        // A processor completed between here and the subscription completes its late subscriber at once.
        return current.onOverflow().buffer(BACKLOG).emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
