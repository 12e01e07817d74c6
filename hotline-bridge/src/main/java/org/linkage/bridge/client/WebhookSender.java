package org.linkage.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DepartmentDirectory;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.SigningKeyStore;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Signed ({@code v2}) JSON POST of the ticket to the department's endpoint (docs/webhook-signing.md). */
@ApplicationScoped
public class WebhookSender implements DepartmentSender {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final HttpSupport http;
    private final SigningKeyStore keys;
    private final Clock clock;
    private final DepartmentDirectory directory;

    public WebhookSender(HttpSupport http, SigningKeyStore keys, Clock clock, DepartmentDirectory directory) {
        this.http = http;
        this.keys = keys;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public AttemptResult send(Delivery delivery) {
        // Checked again here, where the key is used: a row accepted before the directory existed, or replayed by a
        // dispatcher after the directory changed, is never signed for a URL the directory does not admit.
        var refusal = directory.refusal(delivery.departmentCode, Adapter.WEBHOOK, delivery.endpointUrl);
        if (refusal.isPresent()) {
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, refusal.get());
        }
        SigningKeys key = keys.of(delivery.departmentCode).orElse(null);
        if (key == null) {
            // Sending unsigned would teach receivers to accept unsigned calls; refuse instead.
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null,
                    "no signing key configured for department " + delivery.departmentCode);
        }
        // Signed afresh per attempt: the timestamp must be current for the receiver's replay window.
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = http.request(delivery.endpointUrl)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IDEMPOTENCY_HEADER, delivery.idempotencyKey)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.deliveryHeader(key, timestamp,
                        delivery.departmentCode, delivery.endpointUrl, delivery.payload))
                .header("X-Linkage-Delivery", delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload, StandardCharsets.UTF_8))
                .build();
        return http.exchange(request, this::externalRef);
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
