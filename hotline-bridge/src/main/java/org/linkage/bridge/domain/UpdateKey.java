package org.linkage.bridge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key the bridge sends the router for a department's webhook (docs/webhook-signing.md):
 * {@code wh1-} + hex SHA-256 of {@code departmentCode + "\n" + body}. It depends on the signed body only,
 * not on the timestamp or signature, so the bridge's own retries and a department re-sending the same
 * body after a lost answer are recognised as one update, while any change of content is a new update.
 */
public final class UpdateKey {
    private UpdateKey() {
    }

    public static String of(String departmentCode, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((departmentCode + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return "wh1-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
