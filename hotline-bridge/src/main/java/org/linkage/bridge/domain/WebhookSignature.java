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
import java.util.function.BiFunction;

/**
 * The Linkage webhook signatures (docs/webhook-signing.md), HMAC-SHA256 with the Unix-seconds timestamp in
 * {@code X-Linkage-Timestamp}, in two schemes told apart by their prefix in {@code X-Linkage-Signature}:
 * <ul>
 *   <li>{@code v2} signs a ticket delivery (bridge → department) over
 *   {@code "v2\n" + timestamp + "\n" + departmentCode + "\n" + targetUrl + "\n" + body}: a body signed for one
 *   department's URL does not verify at another's, even where both share the default key;</li>
 *   <li>{@code v1} signs a status update (department → bridge) over {@code timestamp + "." + body}: the key is the
 *   department's own and the path names the department, so nothing else needs binding.</li>
 * </ul>
 * Plain Java so a department can copy it.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-Linkage-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Linkage-Signature";
    /** Status updates from a department. */
    public static final String SCHEME = "v1";
    /** Ticket deliveries to a department. */
    public static final String DELIVERY_SCHEME = "v2";

    /** Why a signature was accepted or not. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, BAD_SIGNATURE }

    private WebhookSignature() {
    }

    /** {@code v1}: hex HMAC-SHA256 of {@code timestamp.body} under {@code secret}. */
    public static String sign(String secret, long timestamp, String body) {
        return hmac(secret, timestamp + "." + body);
    }

    /** {@code v2}: hex HMAC-SHA256 of the delivery's department, target URL and body under {@code secret}. */
    public static String signDelivery(String secret, long timestamp, String departmentCode, String targetUrl,
                                      String body) {
        return hmac(secret, DELIVERY_SCHEME + "\n" + timestamp + "\n" + departmentCode + "\n" + targetUrl + "\n" + body);
    }

    /**
     * A {@code v1} header value: one entry per key, current key first. Sending the previous key's signature too
     * lets a receiver that has not yet switched keys keep verifying.
     */
    public static String header(SigningKeys keys, long timestamp, String body) {
        return header(SCHEME, keys, secret -> sign(secret, timestamp, body));
    }

    /** The {@code v2} header value of a delivery, one entry per key as for {@code v1}. */
    public static String deliveryHeader(SigningKeys keys, long timestamp, String departmentCode, String targetUrl,
                                        String body) {
        return header(DELIVERY_SCHEME, keys, secret -> signDelivery(secret, timestamp, departmentCode, targetUrl, body));
    }

    /**
     * Checks a received {@code v1} request: the timestamp must lie within {@code window} of {@code now} (either
     * side, to allow for clock drift) and one {@code v1} entry must match either accepted key.
     */
    public static Verdict verify(String signatureHeader, String timestampHeader, String body, SigningKeys keys,
                                 Instant now, Duration window) {
        return verify(SCHEME, signatureHeader, timestampHeader, keys, now, window,
                (secret, timestamp) -> sign(secret, timestamp, body));
    }

    /**
     * Checks a received delivery ({@code v2}) as its receiver: {@code departmentCode} and {@code targetUrl} are the
     * receiver's own (its code and the URL it is registered under), never values taken from the request, so a
     * delivery replayed to another department or URL fails. {@code v1} entries are ignored.
     */
    public static Verdict verifyDelivery(String signatureHeader, String timestampHeader, String departmentCode,
                                         String targetUrl, String body, SigningKeys keys, Instant now, Duration window) {
        return verify(DELIVERY_SCHEME, signatureHeader, timestampHeader, keys, now, window,
                (secret, timestamp) -> signDelivery(secret, timestamp, departmentCode, targetUrl, body));
    }

    private static String header(String scheme, SigningKeys keys, java.util.function.Function<String, String> sign) {
        StringBuilder value = new StringBuilder(scheme).append('=').append(sign.apply(keys.current()));
        if (keys.previous() != null) {
            value.append(',').append(scheme).append('=').append(sign.apply(keys.previous()));
        }
        return value.toString();
    }

    private static Verdict verify(String scheme, String signatureHeader, String timestampHeader, SigningKeys keys,
                                  Instant now, Duration window, BiFunction<String, Long, String> sign) {
        if (signatureHeader == null || signatureHeader.isBlank() || timestampHeader == null || timestampHeader.isBlank()) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        List<String> received = signatures(scheme, signatureHeader);
        if (received.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return Verdict.STALE;
        }
        List<String> accepted = new ArrayList<>();
        accepted.add(sign.apply(keys.current(), timestamp));
        if (keys.previous() != null) {
            accepted.add(sign.apply(keys.previous(), timestamp));
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

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static List<String> signatures(String scheme, String header) {
        List<String> values = new ArrayList<>();
        for (String part : header.split(",")) {
            String entry = part.trim();
            int eq = entry.indexOf('=');
            if (eq > 0 && scheme.equals(entry.substring(0, eq).trim())) {
                values.add(entry.substring(eq + 1).trim().toLowerCase());
            }
        }
        return values;
    }
}
