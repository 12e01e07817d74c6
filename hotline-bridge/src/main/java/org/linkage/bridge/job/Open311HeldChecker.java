package org.linkage.bridge.job;

import org.linkage.bridge.service.Open311Exception;
import org.linkage.bridge.service.Open311Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.IntakeApi;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.repository.Open311Held;
import org.linkage.bridge.repository.Open311HeldRepository;
import org.linkage.bridge.repository.Open311Token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the police check on Open311 requests held while intake's classifier was unreachable, then files
 * them (or hands them to 110) under the key they arrived with, and puts the outcome on the client's token.
 * Rows are leased with {@code for update skip locked}, so replicas never check the same request at once.
 */
@ApplicationScoped
public class Open311HeldChecker {
    private static final Logger LOG = Logger.getLogger(Open311HeldChecker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Open311HeldRepository held;
    private final Open311Service service;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration recheck;

    public Open311HeldChecker(Open311HeldRepository held, Open311Service service, ObjectMapper json, Clock clock, BridgeConfig config) {
        this.held = held;
        this.service = service;
        this.json = json;
        this.clock = clock;
        this.recheck = config.open311Server().heldRecheck();
    }

    @Scheduled(every = "${linkage.bridge.open311-server.held-recheck:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            checkDue();
        } catch (RuntimeException e) {
            LOG.warnf("held Open311 requests not checked now: %s", e.getMessage());
        }
    }

    /** Checks the held requests that are due; returns how many it took. */
    public int checkDue() {
        Instant now = clock.instant();
        List<Open311Held> due = QuarkusTransaction.requiringNew().call(() -> held.leaseDue(now, now.plus(LEASE), 20));
        for (Open311Held h : due) {
            check(h.token, h.clientId, h.idempotencyKey, h.request);
        }
        return due.size();
    }

    private void check(String token, String clientId, String key, String stored) {
        Open311Service.NewRequest request;
        try {
            request = json.readValue(stored, Open311Service.NewRequest.class);
        } catch (java.io.IOException e) {
            LOG.errorf("held Open311 request %s is unreadable; left for an operator", token);
            later(token, "unreadable held request");
            return;
        }
        IntakeApi.Preview preview = service.classify(request.description());
        if (preview == null) {
            later(token, "classifier unavailable");
            return;
        }
        Open311Service.Filed filed;
        try {
            filed = service.decide(clientId, request, key, preview);
        } catch (Open311Exception e) {
            if (e.code() >= 500) {
                later(token, e.getMessage());
                return;
            }
            finish(token, null, "The request could not be filed: " + e.getMessage());
            return;
        }
        finish(token, filed.token(), filed.serviceNotice());
    }

    /** Moves the outcome from the token {@code decide} made onto the client's token, and forgets the request. */
    private void finish(String token, String outcomeToken, String notice) {
        QuarkusTransaction.requiringNew().run(() -> {
            Open311Token client = Open311Token.findById(token);
            Open311Token outcome = outcomeToken == null ? null : Open311Token.findById(outcomeToken);
            // the outcome token is made in the same transaction as the ticket: without it there is nothing to move
            if (client != null && (outcomeToken == null || outcome != null)) {
                if (outcome != null) {
                    client.serviceRequestId = outcome.serviceRequestId;
                    client.policeTransferId = outcome.policeTransferId;
                }
                client.serviceNotice = notice;
            }
            held.deleteById(token);
            if (outcome != null) {
                outcome.delete();
            }
        });
        LOG.infof("held Open311 request %s checked and settled", token);
    }

    private void later(String token, String error) {
        QuarkusTransaction.requiringNew().run(() -> held.later(token, error, clock.instant().plus(recheck)));
    }
}
