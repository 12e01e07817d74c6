package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.commons.problem.ProblemException;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference department receiver for the local stack and demos: it does what docs/webhook-signing.md
 * asks of a real one (verify the signature and window, act once per Idempotency-Key) and answers with
 * an external reference, so the whole path can be seen working without any department's system.
 */
@ApplicationScoped
public class DemoDepartment {
    private static final int REMEMBERED = 10_000;

    private final boolean enabled;
    private final SigningKeyStore keys;
    private final Clock clock;
    private final java.time.Duration window;
    private final AtomicLong sequence = new AtomicLong();
    // The oldest keys are forgotten first; a demo receiver need not remember forever.
    private final Map<String, String> seen = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    public DemoDepartment(SigningKeyStore keys, Clock clock, BridgeConfig config) {
        this.enabled = config.demoReceiver().enabled();
        this.keys = keys;
        this.clock = clock;
        this.window = config.signing().replayWindow();
    }

    /**
     * Accepts one ticket delivery; the same Idempotency-Key always gets the same reference. {@code ownUrl} is the URL
     * the request was addressed to: the {@code v2} signature must cover it and this department's code, so a delivery
     * signed for another department or URL is refused even where both share the default key.
     */
    public String receive(String departmentCode, String ownUrl, String idempotencyKey, String signature,
                          String timestamp, String body) {
        if (!enabled) {
            throw ProblemException.notFound("The demo department receiver is disabled.");
        }
        SigningKeys key = keys.of(departmentCode).orElseThrow(() -> new ProblemException(401, "Unauthorized",
                "No webhook key for department " + departmentCode + ".", null, null));
        WebhookSignature.Verdict verdict = WebhookSignature.verifyDelivery(signature, timestamp, departmentCode,
                ownUrl, body == null ? "" : body, key, clock.instant(), window);
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw new ProblemException(401, "Unauthorized", "Webhook signature check failed: " + verdict, null, null);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.badRequest("Idempotency-Key", "is required");
        }
        return seen.computeIfAbsent(idempotencyKey, k -> "DEMO-" + departmentCode + "-" + sequence.incrementAndGet());
    }
}
