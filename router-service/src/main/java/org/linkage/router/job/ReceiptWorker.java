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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends due receipts through the configured {@link ReceiptGateway}. A batch is claimed in a short transaction
 * (rows locked with SKIP LOCKED and leased by moving their next attempt), sent with no transaction open, and each
 * outcome recorded in a transaction of its own, so replicas share the work and a crash mid-send only retries.
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
        for (CallerReceipt r : due) {
            ReceiptGateway.Outcome outcome;
            try {
                outcome = gateway.send(new ReceiptGateway.Outgoing(r.id.toString(), r.phone, r.language, r.message));
            } catch (RuntimeException e) {
                outcome = ReceiptGateway.Outcome.retry(e.getClass().getSimpleName());
            }
            ReceiptGateway.Outcome result = outcome;
            QuarkusTransaction.requiringNew().run(() -> record(r.id, result));
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

    private void record(UUID id, ReceiptGateway.Outcome outcome) {
        CallerReceipt r = CallerReceipt.findById(id);
        Instant now = clock.instant();
        r.attempts++;
        String action;
        if (outcome.result() == ReceiptGateway.Result.SENT) {
            r.status = ReceiptStatus.SENT;
            r.sentAt = now;
            r.lastError = null;
            action = "RECEIPT_SENT";
        } else if (outcome.result() == ReceiptGateway.Result.RETRY && r.attempts < config.maxAttempts()) {
            r.lastError = cut(outcome.error());
            r.nextAttemptAt = now.plus(Receipts.backoff(r.attempts, config.baseDelay(), config.maxDelay()));
            return;   // a passing fault: not a change anyone needs in the trail until it ends
        } else {
            r.status = ReceiptStatus.FAILED;
            r.lastError = cut(outcome.error());
            action = "RECEIPT_FAILED";
            LOG.warnf("receipt %s (%s) given up after %d attempt(s): %s", r.id, r.kind, r.attempts, r.lastError);
        }
        Ticket t = Ticket.findById(r.ticketId);
        audit.record(Actor.system(ReceiptService.SYSTEM), TicketRecorder.ENTITY, r.ticketId, action, r.lastError,
                Map.of("ticketNumber", t == null ? "" : t.ticketNumber, "receiptId", r.id.toString(),
                        "kind", r.kind.name(), "attempts", r.attempts));
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }
}
