package org.linkage.bridge.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The router, guarded: a few quick retries for transient failures, a breaker so a down router is not
 * hammered, and a time-out so a department's webhook call never hangs. Refusals (4xx) are not retried.
 * Every retry carries the caller's Idempotency-Key unchanged, so the router answers a repeat with what
 * it did the first time instead of filing or applying it again.
 */
@ApplicationScoped
public class RouterClient {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RouterClient.class);

    private final RouterApi api;

    private final RouterCatalogueApi catalogue;

    public RouterClient(@RestClient RouterApi api, @RestClient RouterCatalogueApi catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = UpstreamUnavailableException.class)
    @Timeout(5_000)
    public RouterApi.UpdateResult update(String idempotencyKey, String ticketNumber, RouterApi.TicketUpdate update) {
        return UpstreamErrors.call("router", () -> api.update(idempotencyKey, ticketNumber, update));
    }

    /**
     * Every category's questions, for Open311 service definitions; {@link org.linkage.bridge.service.CategoryQuestions}
     * caches the answer, so a slow or down router is asked at most once a minute.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = UpstreamUnavailableException.class)
    @Timeout(5_000)
    public java.util.List<RouterCatalogueApi.QuestionSet> questions() {
        return UpstreamErrors.call("router", catalogue::questions);
    }

    /** Retried like updates: the key makes a repeat return the ticket already filed. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = UpstreamUnavailableException.class)
    @Timeout(5_000)
    public RouterApi.CreatedTicket createRequest(String idempotencyKey, RouterApi.NewRequest request) {
        return UpstreamErrors.call("router", () -> api.createRequest(idempotencyKey, request));
    }

    /**
     * A ticket's attachments with their expiring links, asked at each webhook attempt so the links are fresh. One
     * quick retry, and bounded: the ticket must not wait long on its evidence (see WebhookSender).
     */
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @Timeout(5_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = UpstreamUnavailableException.class)
    public java.util.List<RouterApi.AttachmentLink> attachmentLinks(String ticketNumber) {
        return UpstreamErrors.call("router", () -> api.attachmentLinks(ticketNumber));
    }

    /**
     * The ticket's attachment links, or empty when the router cannot be asked now (down, slow, breaker open, refused):
     * "none known now", which callers must tell from "none" (an empty list). Evidence never holds up a delivery or
     * an Open311 answer, so every caller goes on without it; this is the one place that decides so. Called through
     * the bean so the retry, time-out and breaker above apply (ArC intercepts self-invocation).
     */
    public java.util.Optional<java.util.List<RouterApi.AttachmentLink>> attachmentLinksIfKnown(String ticketNumber) {
        try {
            java.util.List<RouterApi.AttachmentLink> links = attachmentLinks(ticketNumber);
            return java.util.Optional.of(links == null ? java.util.List.of() : links);
        } catch (RuntimeException e) {
            LOG.warnf("attachment links of %s not known now (%s); going on without them", ticketNumber, e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
