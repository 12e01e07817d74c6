package org.linkage.bridge.job;

import org.linkage.bridge.service.DeliveryDue;
import org.linkage.bridge.service.DeliveryService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.jboss.logging.Logger;
import org.linkage.commons.tracing.Traces;
import org.linkage.bridge.client.Open311Sender;
import org.linkage.bridge.client.WebhookSender;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DeliveryKind;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends due deliveries. Each run leases a batch (so instances never send the same row at once),
 * then sends without holding a transaction open across the HTTP call, then records each result.
 * It runs as soon as a transaction that made a delivery due has committed (a {@link DeliveryDue} event), so a
 * department gets a ticket within milliseconds of its dispatch; the timer is only the safety net, and the clock for
 * retries, which are due later by design.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryService service;
    private final WebhookSender webhook;
    private final Open311Sender open311;
    private final Tracer tracer;
    private final Clock clock;
    private final BridgeConfig.Delivery config;
    private final ExecutorService pool;
    private final ReentrantLock working = new ReentrantLock();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    public DeliveryWorker(DeliveryService service, WebhookSender webhook,
                          Open311Sender open311, Clock clock, BridgeConfig config, Tracer tracer) {
        this.tracer = tracer;
        this.service = service;
        this.webhook = webhook;
        this.open311 = open311;
        this.clock = clock;
        this.config = config.delivery();
        this.pool = Executors.newFixedThreadPool(this.config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${linkage.bridge.delivery.poll-interval:5s}", delayed = "${linkage.bridge.delivery.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        drain();
    }

    /**
     * After the commit of a transaction that made a delivery due: a run soon, on the worker's own thread. Wake-ups
     * that arrive while one is pending fold into it, which is what makes batches under load.
     */
    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryDue due) {
        if (wakePending.compareAndSet(false, true)) {
            try {
                wakeups.execute(() -> {
                    wakePending.set(false);
                    drain();
                });
            } catch (RejectedExecutionException stopping) {
                wakePending.set(false);   // shutting down: the row waits for the next start
            }
        }
    }

    private void drain() {
        // One run at a time in this JVM: a wake-up waits for a running tick instead of skipping past it, so a row
        // committed while the tick was claiming is still seen.
        working.lock();
        try {
            int claimed;
            do {
                claimed = runOnce();
            } while (claimed == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery worker run failed; the claimed rows are retried once their lease ends");
        } finally {
            working.unlock();
        }
    }

    /**
     * Claims and works one batch; returns how many deliveries it claimed. Per delivery that is one transaction to
     * record the result with its outcome event, beside the batch's one that claims the rows, reads them with their
     * circuits and starts their attempts. A circuit that opens during the batch is known to the rest of it from the
     * result that opened it, so they wait for the cool-down instead of being sent into it.
     */
    public int runOnce() {
        UUID token = UUID.randomUUID();
        DeliveryService.Batch batch = service.claim(token, config.batchSize());
        Map<String, Instant> openCircuits = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>(batch.toSend().size());
        for (DeliveryRepository.Claim claim : batch.toSend()) {
            running.add(pool.submit(() -> attempt(claim, token, openCircuits)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf(e.getCause(), "delivery attempt failed unexpectedly");
            }
        }
        return batch.claimed();
    }

    private void attempt(DeliveryRepository.Claim claim, UUID token, Map<String, Instant> openCircuits) {
        if (claim.delivery() == null) {
            // The row cannot even be read (an unknown adapter or status, say): leasing it again and again
            // would fail the same way for ever, so it is dead-lettered where it stands.
            LOG.errorf("delivery %s cannot be read and is dead-lettered: %s", claim.id(), claim.unreadable());
            service.unreadable(claim.id(), token, "unreadable delivery row: " + claim.unreadable());
            return;
        }
        Delivery d = claim.delivery();
        Instant openUntil = d.endpointUrl == null ? null : openCircuits.get(d.endpointUrl);
        if (openUntil != null && openUntil.isAfter(clock.instant())) {
            service.defer(d.id, token, openUntil);
            return;
        }
        // The attempt continues the trace of the dispatch (kept on the row), and so does the outcome it publishes.
        Span span = tracer.spanBuilder("deliver " + d.adapter)
                .setParent(Traces.restore(d.traceparent, d.tracestate))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("linkage.department", d.departmentCode)
                .setAttribute("linkage.ticket_number", d.ticketNumber)
                .setAttribute("linkage.delivery_attempt", d.attempts)
                .setAttribute("linkage.delivery_kind", d.kind.name())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Instant opened = send(token, d);
            if (opened != null && d.endpointUrl != null) {
                openCircuits.put(d.endpointUrl, opened);
            }
        } finally {
            span.end();
        }
    }

    private Instant send(UUID token, Delivery d) {
        Instant started = clock.instant();
        AttemptResult result;
        try {
            result = d.kind == DeliveryKind.ATTACHMENT_NOTICE ? switch (d.adapter) {
                case WEBHOOK -> webhook.sendNotice(d);
                // made SKIPPED when recorded; a row that got here anyway (edited by hand) is refused, not filed anew
                case OPEN311 -> new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null,
                        "an Open311 server cannot take an attachment notice");
                case NONE -> new AttemptResult(AttemptResult.Outcome.SUCCESS, null, 0, null, null);
            } : switch (d.adapter) {
                case WEBHOOK -> webhook.send(d);
                case OPEN311 -> open311.send(d);
                case NONE -> new AttemptResult(AttemptResult.Outcome.SUCCESS, null, 0, null, null);
            };
        } catch (RuntimeException e) {
            // Building the request failed (an unreadable payload, a missing field): no retry can mend it.
            LOG.errorf("delivery %s of ticket %s could not be sent: %s", d.id, d.ticketNumber, e.toString());
            result = new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null,
                    "delivery could not be built: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return service.finishAttempt(d, token, result, started);
    }

    void stop(@Observes ShutdownEvent event) {
        wakeups.shutdownNow();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
