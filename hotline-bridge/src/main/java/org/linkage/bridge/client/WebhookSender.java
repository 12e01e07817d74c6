package org.linkage.bridge.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DepartmentDirectory;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.DepartmentTicket;
import org.linkage.bridge.service.SigningKeyStore;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Signed ({@code v2}) JSON POST of the ticket, or of an attachment notice, to the department's endpoint
 * (docs/webhook-signing.md).
 */
@ApplicationScoped
public class WebhookSender implements DepartmentSender {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final HttpSupport http;
    private final SigningKeyStore keys;
    private final Clock clock;
    private final DepartmentDirectory directory;

    private final RouterClient router;
    private final ObjectMapper json;

    public WebhookSender(HttpSupport http, SigningKeyStore keys, Clock clock, DepartmentDirectory directory,
                         RouterClient router, ObjectMapper json) {
        this.router = router;
        this.json = json;
        this.http = http;
        this.keys = keys;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public AttemptResult send(Delivery delivery) {
        return post(delivery, () -> withAttachmentLinks(delivery.payload, delivery.attemptsMade));
    }

    /**
     * An attachment notice (docs/webhook-signing.md, section 1b): the stored notice with the file's expiring link,
     * asked afresh at every attempt like a ticket's, and signed like a ticket. Unlike a ticket, a notice without its
     * link is worth nothing, so when the router cannot be asked the attempt is not made and is retried later
     * ({@link AttemptResult.Outcome#NOT_READY}, which leaves the department's circuit alone); a file the router no
     * longer lists on the ticket is not announced at all.
     */
    public AttemptResult sendNotice(Delivery delivery) {
        AttemptResult refused = refused(delivery);
        if (refused != null) {
            return refused;   // before asking the router: a refused unit's link is never even made
        }
        JsonNode tree = http.tree(delivery.payload);
        if (tree == null || !tree.isObject() || !tree.path("attachment").hasNonNull("id")) {
            throw new IllegalStateException("stored notice of delivery " + delivery.id + " is unreadable");
        }
        String attachmentId = tree.path("attachment").get("id").asText();
        Optional<List<RouterApi.AttachmentLink>> links = router.attachmentLinksIfKnown(tree.get("ticketNumber").asText());
        if (links.isEmpty()) {
            return new AttemptResult(AttemptResult.Outcome.NOT_READY, null, 0, null,
                    "the file's link could not be had from the router now; not sent, tried again later");
        }
        Optional<RouterApi.AttachmentLink> link = links.get().stream()
                .filter(l -> l.id() != null && l.id().toString().equals(attachmentId)).findFirst();
        if (link.isEmpty()) {
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null,
                    "the router no longer lists file " + attachmentId + " on the ticket; nothing to announce");
        }
        ObjectNode attachment = (ObjectNode) tree.get("attachment");
        attachment.put("url", link.get().url());
        attachment.put("expiresAt", link.get().expiresAt() == null ? null : link.get().expiresAt().toString());
        String body = write(tree);
        return post(delivery, () -> body);
    }

    /** Why nothing may be sent to this row's endpoint now, as a refused attempt; null when it may. */
    private AttemptResult refused(Delivery delivery) {
        // Checked again here, where the key is used: a row accepted before the directory existed, or replayed by a
        // dispatcher after the directory changed, is never signed for a URL the directory does not admit.
        var refusal = directory.refusal(delivery.departmentCode, Adapter.WEBHOOK, delivery.endpointUrl);
        if (refusal.isPresent()) {
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, refusal.get());
        }
        if (keys.of(delivery.departmentCode).isEmpty()) {
            // Sending unsigned would teach receivers to accept unsigned calls; refuse instead.
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null,
                    "no signing key configured for department " + delivery.departmentCode);
        }
        return null;
    }

    private AttemptResult post(Delivery delivery, java.util.function.Supplier<String> bodyOf) {
        AttemptResult refused = refused(delivery);
        if (refused != null) {
            return refused;
        }
        SigningKeys key = keys.of(delivery.departmentCode).orElseThrow();
        // Signed afresh per attempt: the timestamp must be current for the receiver's replay window.
        String body = bodyOf.get();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = http.request(delivery.endpointUrl)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IDEMPOTENCY_HEADER, delivery.idempotencyKey)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.deliveryHeader(key, timestamp,
                        delivery.departmentCode, delivery.endpointUrl, body))
                .header("X-Linkage-Delivery", delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.exchange(request, this::externalRef);
    }

    /**
     * The ticket with its attachments as expiring links ({@code attachments}: id, name, type, size, url, expiresAt),
     * fresh at every attempt, so a retry days later still carries links that open. The bytes never pass through
     * the bridge. When the router cannot be asked the ticket goes without the field (absent, not empty): a
     * department must not wait for its ticket because of its evidence, and can tell "none" from "not known now".
     * The first attempt of a ticket that had no file at dispatch asks nothing ({@link DepartmentTicket#noFilesToAsk}).
     */
    String withAttachmentLinks(String payload, int attemptsMade) {
        JsonNode tree = http.tree(payload);
        if (tree == null || !tree.isObject() || !tree.hasNonNull("ticketNumber")
                || DepartmentTicket.noFilesToAsk(tree, attemptsMade)) {
            return payload;
        }
        Optional<List<RouterApi.AttachmentLink>> links = router.attachmentLinksIfKnown(tree.get("ticketNumber").asText());
        if (links.isEmpty()) {
            // "none at dispatch" is not "none now": a retry that cannot ask goes without the field
            return tree.has("attachments") ? write(((ObjectNode) tree).without("attachments")) : payload;
        }
        ((ObjectNode) tree).set("attachments", json.valueToTree(links.get()));
        return write(tree);
    }

    private String write(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String externalRef(String body) {
        JsonNode node = http.tree(body);
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode ref = node.hasNonNull("externalRef") ? node.get("externalRef") : node.get("id");
        return ref == null || ref.isNull() || ref.isContainerNode() ? null : ref.asText();
    }
}
