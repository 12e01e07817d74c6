package org.linkage.commons.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Holds the relay back until start-up has finished: before that the messaging channels are not yet
 * wired and an emitter cannot be created.
 */
@Singleton
public class RelayReadiness implements Scheduled.SkipPredicate {
    private volatile boolean started;

    void onStart(@Observes @Priority(Integer.MAX_VALUE - 1) StartupEvent event) {
        started = true;
    }

    public boolean isStarted() {
        return started;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started;
    }
}
