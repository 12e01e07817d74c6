package org.linkage.bridge.domain;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The retrieval code as the public case look-up keeps it. Intake's codes are 8 characters from a 31-symbol
 * alphabet: 31^8 ≈ 8.5·10^11 (39.6 bits), too few to survive an offline search of any unkeyed hash, however slow.
 *
 * <p>Stored as {@code hmac-sha256$<hex>}: HMAC-SHA256 of the ticket number and the code under a key that lives
 * outside the database ({@code linkage.bridge.case-code-key}, from the deployment's secret store). Why that is
 * enough:
 * <ul>
 *   <li>offline, from a stolen table, a dump or a backup: without the key a stored value cannot test a single
 *       guess, so the search space does not matter (PBKDF2 only made each guess cost 20,000 hashes; the key makes
 *       guessing impossible);</li>
 *   <li>online, through the look-up: the rate limit per ticket and per address ({@code LookupLimiter}) lets a
 *       handful of guesses through per window, so one succeeds about once in 10^11 tries;</li>
 *   <li>with the key as well: whoever holds the bridge's secrets also holds its Kafka credential, and the clear code
 *       travels on {@code TicketDispatched}, so a slow hash would not have kept the codes from them either.</li>
 * </ul>
 * The ticket number is in the message, so equal codes of two tickets give unrelated values. Changing the key voids
 * every stored code (their look-ups answer "not found"), like the caller-hash key.
 *
 * <p>Values written before the key ({@code pbkdf2-sha256$20000$<hex>}: PBKDF2-HMAC-SHA256, 20,000 iterations,
 * salted with the ticket number) still verify. That cost 10 ms of CPU per dispatched ticket, twice the whole
 * pipeline's budget per call (issue 14); now it is paid only by a look-up. Every check computes both schemes, so a
 * look-up takes as long whichever scheme the ticket's value has, and as long as an unknown number (the dummy in
 * {@code PublicCaseService}). Once no stored value starts with {@code pbkdf2-sha256$} the legacy scheme can go.
 */
public final class CaseCodes {
    /** Shorter keys are refused: 32 random characters carry well over 128 bits. */
    public static final int MIN_KEY_LENGTH = 32;
    static final String SCHEME = "hmac-sha256$";
    static final int LEGACY_ITERATIONS = 20_000;
    static final String LEGACY_SCHEME = "pbkdf2-sha256$" + LEGACY_ITERATIONS + "$";

    private final SecretKeySpec key;

    public CaseCodes(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("linkage.bridge.case-code-key (LINKAGE_BRIDGE_CASE_CODE_KEY) must be at"
                    + " least " + MIN_KEY_LENGTH + " characters; it comes from the secret store, never the database");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Codes are read out over the phone: case and surrounding blanks do not matter. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The value to store for a ticket's code: always the keyed scheme. */
    public String hash(String ticketNumber, String code) {
        return SCHEME + HexFormat.of().formatHex(mac(ticketNumber, normalise(code)));
    }

    /**
     * Constant-time check against a value of either scheme; a ticket without a stored value, or with one of no known
     * scheme, never matches. The work does not depend on the stored value: both schemes are computed every time.
     */
    public boolean matches(String ticketNumber, String code, String stored) {
        String normalised = normalise(code);
        byte[] keyed = (SCHEME + HexFormat.of().formatHex(mac(ticketNumber, normalised)))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] legacy = (LEGACY_SCHEME + HexFormat.of().formatHex(pbkdf2(ticketNumber, normalised)))
                .getBytes(StandardCharsets.US_ASCII);
        return stored != null && MessageDigest.isEqual(stored.startsWith(LEGACY_SCHEME) ? legacy : keyed,
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** A value as the bridge stored it before the key; kept so that tests can write one. */
    static String legacyHash(String ticketNumber, String code) {
        return LEGACY_SCHEME + HexFormat.of().formatHex(pbkdf2(ticketNumber, normalise(code)));
    }

    private byte[] mac(String ticketNumber, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // ticket numbers hold no newline, so no ticket and code can be shifted into another pair's message
            return mac.doFinal(("linkage-case:" + ticketNumber + "\n" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] pbkdf2(String ticketNumber, String code) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(),
                    ("linkage-case:" + ticketNumber).getBytes(StandardCharsets.UTF_8), LEGACY_ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
