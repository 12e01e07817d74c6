package org.linkage.router.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs a receipt posted to the SMS gateway the way the bridge signs webhooks (docs/webhook-signing.md):
 * HMAC-SHA256 over {@code timestamp + "." + body}, {@code X-Linkage-Signature: v1=<hex>} and the Unix-seconds
 * {@code X-Linkage-Timestamp}, so a gateway verifies both with one routine.
 */
public final class ReceiptSignature {
    public static final String TIMESTAMP_HEADER = "X-Linkage-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Linkage-Signature";

    private ReceiptSignature() {
    }

    public static String header(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
