package org.linkage.bridge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key the bridge sends the router for a department's webhook (docs/webhook-signing.md):
 * {@code wh2-} + hex SHA-256 of {@code departmentCode + "\n" + version + "\n" + body}, where version is the
 * latest version of the ticket the bridge delivered to that department ({@code wh1-} without it when none was
 * delivered through the bridge). It depends on the signed body, not on the timestamp or signature, so the bridge's
 * own retries and a department re-sending the same body after a lost answer are recognised as one update, while any
 * change of content, or the same reply to a ticket sent again after a reopen, is a new update.
 */
public final class UpdateKey {
    private UpdateKey() {
    }

    public static String of(String departmentCode, String body) {
        return hash("wh1-", departmentCode + "\n" + body);
    }

    public static String of(String departmentCode, Integer deliveredVersion, String body) {
        return deliveredVersion == null ? of(departmentCode, body)
                : hash("wh2-", departmentCode + "\n" + deliveredVersion + "\n" + body);
    }

    private static String hash(String prefix, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
