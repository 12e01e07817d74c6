package org.linkage.bridge.job;

import org.linkage.bridge.service.InboundUpdateService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.Open311Sender;
import org.linkage.bridge.client.RouterApi;
import org.linkage.bridge.client.RouterClient;
import org.linkage.bridge.client.UpstreamUnavailableException;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.commons.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * For departments whose GeoReport servers can only be read, not call us back: asks them about the
 * requests we filed and, when one is closed, passes the department's notes to the router as its reply.
 */
@ApplicationScoped
public class Open311Poller {
    private static final Logger LOG = Logger.getLogger(Open311Poller.class);

    private final Open311Sender open311;
    private final RouterClient router;
    private final InboundUpdateService inbound;
    private final Clock clock;
    private final int batchSize;

    public Open311Poller(Open311Sender open311, RouterClient router, InboundUpdateService inbound, Clock clock,
                         BridgeConfig config) {
        this.open311 = open311;
        this.router = router;
        this.inbound = inbound;
        this.clock = clock;
        this.batchSize = config.open311().pollBatchSize();
    }

    @Scheduled(every = "${linkage.bridge.open311.poll-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Open311 status polling failed; next round tries again");
        }
    }

    /**
     * Polls the requests checked longest ago; returns how many were asked about. Every replica runs this
     * round: each request is claimed before it is asked about, so two rounds at the same moment ask each
     * department once per request, and a request one replica is asking about is skipped by the other.
     */
    public int pollOnce() {
        List<Delivery> due = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                        "adapter = ?1 and status = ?2 and kind = ?3 and externalRef is not null "
                                + "and externalRef not like 'token:%' "
                                + "and (remoteStatus is null or remoteStatus <> 'closed') order by remoteCheckedAt nulls first",
                        Adapter.OPEN311, DeliveryStatus.DELIVERED, org.linkage.bridge.domain.DeliveryKind.TICKET)
                .page(0, batchSize).list());
        int asked = 0;
        for (Delivery d : due) {
            if (!claim(d)) {
                continue;
            }
            asked++;
            Optional<Open311Sender.RemoteStatus> remote = open311.status(d);
            String status = remote.map(Open311Sender.RemoteStatus::status).orElse(d.remoteStatus);
            if (remote.isPresent() && "closed".equals(status) && !reply(d, remote.get())) {
                status = d.remoteStatus; // not passed on: ask again next round
            }
            String seen = status;
            QuarkusTransaction.requiringNew().run(() ->
                    Delivery.update("remoteStatus = ?1, remoteCheckedAt = ?2 where id = ?3", seen, clock.instant(), d.id));
        }
        return asked;
    }

    /**
     * Compare-and-set on the instant the round read: only one round moves it on, and the loser leaves the request
     * to it. A later round reads the new instant and claims it again, so polling itself goes on as before.
     */
    private boolean claim(Delivery d) {
        Instant now = clock.instant();
        Instant seen = d.remoteCheckedAt;
        return QuarkusTransaction.requiringNew().call(() -> seen == null
                ? Delivery.update("remoteCheckedAt = ?1 where id = ?2 and remoteCheckedAt is null", now, d.id)
                : Delivery.update("remoteCheckedAt = ?1 where id = ?2 and remoteCheckedAt = ?3", now, d.id, seen)) == 1;
    }

    /** True when the router answered (took the reply or refused it); false when it could not be reached. */
    private boolean reply(Delivery d, Open311Sender.RemoteStatus remote) {
        String answer = remote.statusNotes() == null || remote.statusNotes().isBlank()
                ? "Closed in the department's Open311 system (request " + d.externalRef + ")."
                : remote.statusNotes();
        int outcome;
        String detail;
        try {
            // GeoReport servers have no "signed for" step: the router only takes a reply on a signed ticket,
            // so sign first. A 409 means the ticket is already past DISPATCHED; the reply decides from there.
            try {
                router.update("open311-poll-sign-" + d.id, d.ticketNumber, new RouterApi.TicketUpdate(d.departmentCode,
                        "SIGN", null, null, null, d.externalRef, clock.instant(), null));
            } catch (ProblemException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
            // Keyed by the delivery, so a round that lost the router's answer does not reply a second time.
            RouterApi.UpdateResult result = router.update("open311-poll-" + d.id, d.ticketNumber, new RouterApi.TicketUpdate(d.departmentCode,
                    "REPLY", null, answer, null, d.externalRef, clock.instant(), null));
            outcome = 200;
            detail = "polled Open311 closed; ticket now " + result.status();
        } catch (ProblemException e) {
            outcome = e.status();
            detail = "polled Open311 closed; router refused: " + e.getMessage();
        } catch (UpstreamUnavailableException | FaultToleranceException e) {
            LOG.warnf("router unavailable for polled reply of %s: %s", d.ticketNumber, e.getMessage());
            return false;
        }
        inbound.log(d.departmentCode, d.ticketNumber, "REPLY", d.externalRef, outcome, detail);
        // A refusal (already replied, no longer assigned) will not change by asking again, so it also ends polling.
        return true;
    }
}
