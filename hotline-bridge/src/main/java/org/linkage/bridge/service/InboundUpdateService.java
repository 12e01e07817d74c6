package org.linkage.bridge.service;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.RouterApi;
import org.linkage.bridge.client.RouterClient;
import org.linkage.bridge.client.UpstreamUnavailableException;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.UpdateAction;
import org.linkage.bridge.domain.UpdateKey;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.bridge.repository.InboundUpdate;
import org.linkage.commons.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Status webhooks from department systems: authenticated by signature, validated, then applied by the
 * router. Every request is recorded with its outcome, whether it was applied or refused.
 */
@ApplicationScoped
public class InboundUpdateService {
    private static final Logger LOG = Logger.getLogger(InboundUpdateService.class);

    private final SigningKeyStore keys;
    private final RouterClient router;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final Duration window;
    private final RefusalLimiter refusals;
    private final DeliveryRepository deliveries;
    private final DeliveryMetrics metrics;
    private final InboundFiles files;

    public InboundUpdateService(SigningKeyStore keys, RouterClient router, ObjectMapper json, Validator validator,
                                Clock clock, BridgeConfig config, RefusalLimiter refusals,
                                DeliveryRepository deliveries, DeliveryMetrics metrics, InboundFiles files) {
        this.files = files;
        this.metrics = metrics;
        this.refusals = refusals;
        this.deliveries = deliveries;
        this.keys = keys;
        this.router = router;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.window = config.signing().replayWindow();
    }

    /** @throws JsonProcessingException for an unreadable body; the shared problem mappers name the field at fault */
    /** The ticket's status after a department's update was applied. */
    public record Applied(String ticketNumber, String status) {
    }

    /**
     * @param caller the sender's address: one that keeps being refused gets {@link RefusalLimiter.TooManyRefusals}
     *               (unrecorded) instead of 401; a correctly signed update is always checked and applied
     */
    public Applied apply(String departmentCode, String signature, String timestamp, String body, String caller)
            throws JsonProcessingException {
        try {
            authenticate(departmentCode, signature, timestamp, body == null ? "" : body);
        } catch (Refused refused) {
            metrics.inboundRefused(departmentCode, refused.reason);
            refusals.refused(caller);
            record(departmentCode, claimed(body), refused.status(), refused.getMessage());
            throw refused;
        }
        DepartmentUpdate update = null;
        try {
            update = parse(body);
            List<RouterApi.File> attachments = files.checked(update.files());
            // The key is over the raw body, files included: a re-sent post is the same update with the same files,
            // and the router, which stores the files in the update's transaction, stores them once.
            RouterApi.UpdateResult result = forward(departmentCode, update, attachments,
                    UpdateKey.of(departmentCode, deliveries.latestDeliveredVersion(update.ticketNumber(), departmentCode), body));
            record(departmentCode, update, 200, "applied: ticket now " + result.status()
                    + (attachments.isEmpty() ? "" : " with " + attachments.size() + " file(s)"));
            return new Applied(result.ticketNumber() == null ? update.ticketNumber() : result.ticketNumber(), result.status());
        } catch (ProblemException e) {
            record(departmentCode, update != null ? update : claimed(body), e.status(), e.getMessage());
            throw e;
        } catch (ConstraintViolationException e) {
            record(departmentCode, claimed(body), 400, e.getMessage());
            throw e;
        } catch (JsonProcessingException e) {
            record(departmentCode, claimed(body), 400, "unreadable body: " + e.getOriginalMessage());
            throw e;
        }
    }

    private void authenticate(String departmentCode, String signature, String timestamp, String body) {
        SigningKeys key = keys.inbound(departmentCode).orElseThrow(() -> new Refused("NO_KEY",
                "No webhook key of its own is configured for department " + departmentCode
                        + "; status updates are accepted only with the department's own key."));
        WebhookSignature.Verdict verdict = WebhookSignature.verify(signature, timestamp, body, key, clock.instant(), window);
        switch (verdict) {
            case VALID -> {
            }
            case MISSING -> throw new Refused("MISSING", "The X-Linkage-Signature and X-Linkage-Timestamp headers are required.");
            case MALFORMED -> throw new Refused("MALFORMED", "X-Linkage-Timestamp must be Unix seconds and X-Linkage-Signature must carry v1=<hex>.");
            case STALE -> throw new Refused("STALE", "X-Linkage-Timestamp is outside the " + window.toMinutes()
                    + "-minute window; sign the request again with the current time.");
            case BAD_SIGNATURE -> throw new Refused("BAD_SIGNATURE", "The signature does not match the body and timestamp.");
        }
    }

    private DepartmentUpdate parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("$", "a JSON body is required");
        }
        DepartmentUpdate update = json.readValue(body, DepartmentUpdate.class);
        if (update == null) {
            throw ProblemException.badRequest("$", "a JSON object is required");
        }
        Set<ConstraintViolation<DepartmentUpdate>> violations = validator.validate(update);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String missing = update.missingField();
        if (missing != null) {
            throw ProblemException.badRequest(missing, "is required for action " + update.action());
        }
        return update;
    }

    private RouterApi.UpdateResult forward(String departmentCode, DepartmentUpdate u, List<RouterApi.File> attachments,
                                           String idempotencyKey) {
        try {
            return router.update(idempotencyKey, u.ticketNumber(), new RouterApi.TicketUpdate(departmentCode, u.action().name(),
                    u.note(), u.answer(), u.reason(), u.externalRef(), u.occurredAt() == null ? clock.instant() : u.occurredAt(),
                    attachments));
        } catch (UpstreamUnavailableException | FaultToleranceException e) {
            LOG.warnf("router unavailable for update of %s: %s", u.ticketNumber(), e.getMessage());
            throw new ProblemException(503, "Service unavailable",
                    "The update could not be passed on now; nothing was applied. Retry later with a fresh timestamp.",
                    null, null);
        }
    }

    /**
     * What a refused request claims to be about, read leniently for the record only: an unsigned body is
     * never trusted, but the log should still say which ticket someone tried to change.
     */
    private DepartmentUpdate claimed(String body) {
        try {
            var node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                return null;
            }
            UpdateAction action = null;
            try {
                action = UpdateAction.valueOf(node.path("action").asText(""));
            } catch (IllegalArgumentException ignored) {
                // Unknown action: recorded without one.
            }
            return new DepartmentUpdate(clip(node.path("ticketNumber").asText(null), 40), action, null, null, null,
                    clip(node.path("externalRef").asText(null), 200), null, null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private void record(String departmentCode, DepartmentUpdate update, int status, String outcome) {
        log(departmentCode, update == null ? null : update.ticketNumber(),
                update == null || update.action() == null ? null : update.action().name(),
                update == null ? null : update.externalRef(), status, outcome);
    }

    /** Records one update from a department system (webhook or polled) in its own transaction: refusals stay recorded. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void log(String departmentCode, String ticketNumber, String action, String externalRef, int status,
                    String outcome) {
        InboundUpdate entry = new InboundUpdate();
        entry.departmentCode = departmentCode;
        entry.ticketNumber = ticketNumber;
        entry.action = action;
        entry.externalRef = externalRef;
        entry.outcomeStatus = status;
        entry.outcome = outcome == null ? "" : outcome.length() > 1000 ? outcome.substring(0, 999) + "…" : outcome;
        entry.receivedAt = clock.instant();
        entry.persist();
        LOG.infof("department update from %s for %s (%s): %d %s", departmentCode, ticketNumber, action, status,
                entry.outcome);
    }

    /** A 401 refusal, with the reason the refusals meter counts it under. */
    private static final class Refused extends ProblemException {
        final String reason;

        Refused(String reason, String detail) {
            super(401, "Unauthorized", detail, null, null);
            this.reason = reason;
        }
    }
}
