package org.linkage.intake.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Pushes committed changes of the hand-back queue to every open console stream.
 * <p>
 * Changes are published from whichever thread committed them: the Kafka consumer for a new hand-back,
 * a request thread for an acceptance. Neither may wait for a console, so each subscriber gets its own
 * bounded backlog and is served on a worker thread; one that falls further behind than the backlog is
 * failed (its console reconnects and re-reads the list) instead of holding up the others or the consumer.
 */
@ApplicationScoped
public class PoliceTransferFeed {
    /** Changes a console may fall behind by; the queue sees a few hand-backs an hour, so this is generous. */
    static final int BACKLOG = 256;

    private final BroadcastProcessor<PoliceTransferChange> changes = BroadcastProcessor.create();

    /**
     * After commit only: a rolled-back hand-back or acceptance never reaches a console. Synchronized because
     * the consumer and a request thread may commit at the same moment, and a Reactive Streams subscriber must
     * never be called concurrently; each subscriber only enqueues, so the lock is held for microseconds.
     */
    synchronized void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PoliceTransferChange change) {
        changes.onNext(change);
    }

    /** Changes committed from now on; nothing from before (a console reads the list for that). */
    public Multi<PoliceTransferChange> subscribe() {
        return changes.onOverflow().buffer(BACKLOG).emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
