package org.linkage.commons.evidence;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Links to one attachment that work without a login until they expire: what a department system or an Open311
 * client receives instead of the bytes. The signature is HMAC-SHA256 under the owning service's key over the
 * attachment's id and the expiry, so a link opens exactly that file, until exactly then; changing either, or
 * guessing, needs the key. Nothing is stored per link: revoking all links at once is rotating the key.
 */
public final class SignedLinks {
    /** What a link says when checked. */
    public enum Check { VALID, EXPIRED, BAD_SIGNATURE }

    /** A link's query: {@code expires} (epoch seconds) and {@code signature} (base64url, no padding). */
    public record Signed(UUID attachmentId, long expires, String signature) {
        public String query() {
            return "expires=" + expires + "&signature=" + signature;
        }
    }

    private final SecretKeySpec key;

    public SignedLinks(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the attachment link key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Signed sign(UUID attachmentId, Instant now, Duration validFor) {
        long expires = now.plus(validFor).getEpochSecond();
        return new Signed(attachmentId, expires, signature(attachmentId, expires));
    }

    public Check check(UUID attachmentId, long expires, String signature, Instant now) {
        if (signature == null || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                signature(attachmentId, expires).getBytes(StandardCharsets.US_ASCII))) {
            return Check.BAD_SIGNATURE;
        }
        return now.getEpochSecond() >= expires ? Check.EXPIRED : Check.VALID;
    }

    private String signature(UUID attachmentId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal(("attachment:" + attachmentId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
