package org.linkage.bridge.job;

import org.linkage.bridge.service.Open311Exception;
import org.linkage.bridge.service.Open311Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.IntakeApi;
import org.linkage.bridge.config.BridgeConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private final EntityManager em;
    private final Open311Service service;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration recheck;

    public Open311HeldChecker(EntityManager em, Open311Service service, ObjectMapper json, Clock clock, BridgeConfig config) {
        this.em = em;
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
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select token, client_id, idempotency_key, request, attempts from open311_held
                            where next_check_at <= ?1 order by next_check_at limit 20 for update skip locked""")
                    .setParameter(1, now.atOffset(ZoneOffset.UTC)).getResultList();
            for (Object[] row : rows) {
                em.createNativeQuery("update open311_held set next_check_at = ?2 where token = ?1")
                        .setParameter(1, row[0]).setParameter(2, now.plus(LEASE).atOffset(ZoneOffset.UTC)).executeUpdate();
            }
            return rows;
        });
        for (Object[] row : due) {
            check((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
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
            if (outcomeToken != null) {
                em.createNativeQuery("""
                                update open311_token t set service_request_id = o.service_request_id,
                                    police_transfer_id = o.police_transfer_id, service_notice = ?3
                                from open311_token o where t.token = ?1 and o.token = ?2""")
                        .setParameter(1, token).setParameter(2, outcomeToken).setParameter(3, notice).executeUpdate();
            } else {
                em.createNativeQuery("update open311_token set service_notice = ?2 where token = ?1")
                        .setParameter(1, token).setParameter(2, notice).executeUpdate();
            }
            em.createNativeQuery("delete from open311_held where token = ?1").setParameter(1, token).executeUpdate();
            if (outcomeToken != null) {
                em.createNativeQuery("delete from open311_token where token = ?1").setParameter(1, outcomeToken)
                        .executeUpdate();
            }
        });
        LOG.infof("held Open311 request %s checked and settled", token);
    }

    private void later(String token, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update open311_held set attempts = attempts + 1, last_error = ?2, next_check_at = ?3
                        where token = ?1""")
                .setParameter(1, token).setParameter(2, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(3, clock.instant().plus(recheck).atOffset(ZoneOffset.UTC)).executeUpdate());
    }
}
