package org.linkage.bridge.domain;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The retrieval code as the public case look-up keeps it. Intake's codes are 8 characters from a 31-symbol
 * alphabet: 31^8 ≈ 8.5·10^11 (39.6 bits). Guessing online is what the rate limit stops (a ticket allows a handful
 * of attempts per window, so a guess succeeds about once in 10^11 tries); guessing offline from a stolen table is
 * what the slow hash stops (PBKDF2-HMAC-SHA256, salted with the ticket number, so every ticket is its own search).
 */
public final class CaseCodes {
    static final int ITERATIONS = 20_000;
    private static final String PREFIX = "pbkdf2-sha256$" + ITERATIONS + "$";

    private CaseCodes() {
    }

    /** Codes are read out over the phone: case and surrounding blanks do not matter. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    public static String hash(String ticketNumber, String code) {
        return PREFIX + HexFormat.of().formatHex(derive(ticketNumber, normalise(code)));
    }

    /** Constant-time check; a ticket without a stored hash never matches (but costs the same). */
    public static boolean matches(String ticketNumber, String code, String stored) {
        byte[] candidate = (PREFIX + HexFormat.of().formatHex(derive(ticketNumber, normalise(code))))
                .getBytes(StandardCharsets.US_ASCII);
        return stored != null && MessageDigest.isEqual(candidate, stored.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] derive(String ticketNumber, String code) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(),
                    ("linkage-case:" + ticketNumber).getBytes(StandardCharsets.UTF_8), ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
