package org.linkage.router.job;

import org.linkage.router.service.ReceiptService;
import org.linkage.router.service.TicketRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.ReceiptConfig;
import org.linkage.router.domain.ReceiptGateway;
import org.linkage.router.domain.ReceiptStatus;
import org.linkage.router.domain.Receipts;
import org.linkage.router.repository.CallerReceipt;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends due receipts through the configured {@link ReceiptGateway}. A batch is claimed in a short transaction
 * (rows locked with SKIP LOCKED and leased by moving their next attempt), sent with no transaction open, and the
 * batch's outcomes recorded together in one transaction (a receipt is read again there, the tickets' numbers for the
 * trail in one query), so replicas share the work and a crash mid-send only retries: the gateway drops a repeat by
 * the receipt's id, which is stable across attempts. Should that transaction fail, the outcomes are recorded one at a
 * time, so that one bad row does not send the batch's others again.
 */
@ApplicationScoped
public class ReceiptWorker {
    private static final Logger LOG = Logger.getLogger(ReceiptWorker.class);
    private static final int BATCH = 50;

    private final ReceiptConfig config;
    private final ReceiptGateway gateway;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    public ReceiptWorker(ReceiptConfig config, ReceiptGateway gateway, EntityManager em, AuditTrail audit,
                         Clock clock) {
        this.config = config;
        this.gateway = gateway;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${linkage.receipts.poll-interval:5s}", delayed = "${linkage.receipts.start-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            runOnce();
        }
    }

    /** Sends what is due now; returns how many attempts were made. */
    public int runOnce() {
        List<CallerReceipt> due = QuarkusTransaction.requiringNew().call(this::claim);
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, ReceiptGateway.Outcome> outcomes = new LinkedHashMap<>();
        for (CallerReceipt r : due) {
            ReceiptGateway.Outcome outcome;
            try {
                outcome = gateway.send(new ReceiptGateway.Outgoing(r.id.toString(), r.phone, r.language, r.message));
            } catch (RuntimeException e) {
                outcome = ReceiptGateway.Outcome.retry(e.getClass().getSimpleName());
            }
            outcomes.put(r.id, outcome);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(outcomes));
        } catch (RuntimeException batchFailed) {
            LOG.warnf("receipt outcomes of a batch of %d not recorded together (%s): recording them one at a time",
                    outcomes.size(), batchFailed.toString());
            RuntimeException first = null;
            for (Map.Entry<UUID, ReceiptGateway.Outcome> e : outcomes.entrySet()) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(Map.of(e.getKey(), e.getValue())));
                } catch (RuntimeException failed) {
                    if (first == null) {
                        first = failed;
                    } else {
                        first.addSuppressed(failed);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
        return due.size();
    }

    private List<CallerReceipt> claim() {
        Instant now = clock.instant();
        List<CallerReceipt> claimed = CallerReceipt.lockDue(now, BATCH);
        for (CallerReceipt r : claimed) {
            r.nextAttemptAt = now.plus(config.lease());
        }
        em.flush();
        claimed.forEach(em::detach);
        return claimed;
    }

    private void record(Map<UUID, ReceiptGateway.Outcome> outcomes) {
        Instant now = clock.instant();
        List<CallerReceipt> audited = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Map<UUID, CallerReceipt> rows = new HashMap<>();
        CallerReceipt.byIds(outcomes.keySet()).forEach(r -> rows.put(r.id, r));
        for (Map.Entry<UUID, ReceiptGateway.Outcome> sent : outcomes.entrySet()) {
            CallerReceipt r = rows.get(sent.getKey());
            if (r == null) {
                continue;   // gone since the claim: nothing left to record
            }
            ReceiptGateway.Outcome outcome = sent.getValue();
            r.attempts++;
            if (outcome.result() == ReceiptGateway.Result.SENT) {
                r.status = ReceiptStatus.SENT;
                r.sentAt = now;
                r.lastError = null;
                actions.add("RECEIPT_SENT");
            } else if (outcome.result() == ReceiptGateway.Result.RETRY && r.attempts < config.maxAttempts()) {
                r.lastError = cut(outcome.error());
                r.nextAttemptAt = now.plus(Receipts.backoff(r.attempts, config.baseDelay(), config.maxDelay()));
                continue;   // a passing fault: not a change anyone needs in the trail until it ends
            } else {
                r.status = ReceiptStatus.FAILED;
                r.lastError = cut(outcome.error());
                actions.add("RECEIPT_FAILED");
                LOG.warnf("receipt %s (%s) given up after %d attempt(s): %s", r.id, r.kind, r.attempts, r.lastError);
            }
            audited.add(r);
        }
        if (audited.isEmpty()) {
            return;
        }
        Map<UUID, String> numbers = Ticket.numbersOf(audited.stream().map(r -> r.ticketId).distinct().toList());
        for (int i = 0; i < audited.size(); i++) {
            CallerReceipt r = audited.get(i);
            audit.record(Actor.system(ReceiptService.SYSTEM), TicketRecorder.ENTITY, r.ticketId, actions.get(i),
                    r.lastError, Map.of("ticketNumber", numbers.getOrDefault(r.ticketId, ""),
                            "receiptId", r.id.toString(), "kind", r.kind.name(), "attempts", r.attempts));
        }
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }
}
