package org.linkage.bridge.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Linkage webhook signature (docs/webhook-signing.md): HMAC-SHA256 over
 * {@code timestamp + "." + body}, sent as {@code X-Linkage-Signature: v1=<hex>[,v1=<hex>]} with the
 * Unix-seconds timestamp in {@code X-Linkage-Timestamp}. Plain Java so a department can copy it.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-Linkage-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Linkage-Signature";
    public static final String SCHEME = "v1";

    /** Why a signature was accepted or not. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, BAD_SIGNATURE }

    private WebhookSignature() {
    }

    /** Hex HMAC-SHA256 of {@code timestamp.body} under {@code secret}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The signature header value: one {@code v1=} entry per key, current key first. Sending the
     * previous key's signature too lets a receiver that has not yet switched keys keep verifying.
     */
    public static String header(SigningKeys keys, long timestamp, String body) {
        StringBuilder value = new StringBuilder(SCHEME).append('=').append(sign(keys.current(), timestamp, body));
        if (keys.previous() != null) {
            value.append(',').append(SCHEME).append('=').append(sign(keys.previous(), timestamp, body));
        }
        return value.toString();
    }

    /**
     * Checks a received request: the timestamp must lie within {@code window} of {@code now} (either
     * side, to allow for clock drift) and one {@code v1} entry must match either accepted key.
     */
    public static Verdict verify(String signatureHeader, String timestampHeader, String body, SigningKeys keys,
                                 Instant now, Duration window) {
        if (signatureHeader == null || signatureHeader.isBlank() || timestampHeader == null || timestampHeader.isBlank()) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        List<String> received = signatures(signatureHeader);
        if (received.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return Verdict.STALE;
        }
        List<String> accepted = new ArrayList<>();
        accepted.add(sign(keys.current(), timestamp, body));
        if (keys.previous() != null) {
            accepted.add(sign(keys.previous(), timestamp, body));
        }
        for (String candidate : received) {
            for (String expected : accepted) {
                // Constant-time comparison: the time taken must not reveal how much of a guess was right.
                if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII),
                        expected.getBytes(StandardCharsets.US_ASCII))) {
                    return Verdict.VALID;
                }
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    private static List<String> signatures(String header) {
        List<String> values = new ArrayList<>();
        for (String part : header.split(",")) {
            String entry = part.trim();
            int eq = entry.indexOf('=');
            if (eq > 0 && SCHEME.equals(entry.substring(0, eq).trim())) {
                values.add(entry.substring(eq + 1).trim().toLowerCase());
            }
        }
        return values;
    }
}
