package org.linkage.intake.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;

/**
 * The router's side of a caller's history, guarded: one quick retry for a transient failure, a breaker so a down
 * router is not asked on every call page, and a short time-out, because a call-taker is waiting with the caller on
 * the line and the 110 part answers without it.
 */
@ApplicationScoped
public class RouterHistoryClient {
    private final RouterApi api;

    public RouterHistoryClient(@RestClient RouterApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 2)
    @Timeout(2_000)
    public List<RouterApi.CallerTicket> tickets(String callerHash, Instant from, Instant to, int limit) {
        RouterApi.CallerTickets answer = api.tickets(callerHash, from.toString(), to.toString(), limit);
        return answer == null || answer.tickets() == null ? List.of() : answer.tickets();
    }
}
