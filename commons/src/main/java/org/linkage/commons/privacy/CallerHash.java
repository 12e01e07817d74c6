package org.linkage.commons.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key a caller is matched on across 110 and 12345: HMAC-SHA256 of the number in normal form
 * ({@link PhoneNumbers#normalise}), under a secret both services share. Keyed, not a plain hash: the space of
 * mainland numbers is small enough (about 10¹⁰) to reverse an unkeyed SHA-256 by brute force in hours, so a leaked
 * column or event would give away every number; without the key the hash says nothing.
 */
public final class CallerHash {
    /** Shorter keys are refused: they would be guessable together with the small space of numbers. */
    public static final int MIN_KEY_LENGTH = 16;
    private final SecretKeySpec key;

    public CallerHash(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("linkage.caller-hash.key must be at least " + MIN_KEY_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hash of a number as any service received it, or empty when it is not a mainland number. */
    public Optional<String> of(String phone) {
        return PhoneNumbers.normalise(phone).map(this::ofNormalised);
    }

    private String ofNormalised(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
