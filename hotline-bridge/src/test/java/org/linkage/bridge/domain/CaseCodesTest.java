package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseCodesTest {
    private static final String KEY = "unit-test-case-code-key-0123456789";
    private static final String TICKET = "12345-20261202-000042";
    private final CaseCodes codes = new CaseCodes(KEY);

    @Test
    void aCodeIsStoredUnderTheKeyedSchemeAndMatchesAsReadOutOverThePhone() {
        String stored = codes.hash(TICKET, "K7MW3QXP");
        assertTrue(stored.startsWith("hmac-sha256$"), stored);
        assertFalse(stored.contains("K7MW3QXP"));
        assertTrue(codes.matches(TICKET, " k7mw3qxp ", stored));
        assertFalse(codes.matches(TICKET, "K7MW3QXQ", stored));
        // the ticket number is in the message: the same code of another ticket is another value
        assertNotEquals(stored, codes.hash("12345-20261202-000043", "K7MW3QXP"));
        assertFalse(codes.matches("12345-20261202-000043", "K7MW3QXP", stored));
    }

    @Test
    void aValueStoredUnderAnotherKeyMatchesNothing() {
        String stored = new CaseCodes("another-deployments-key-abcdefghijkl").hash(TICKET, "K7MW3QXP");
        assertFalse(codes.matches(TICKET, "K7MW3QXP", stored));
        assertNotEquals(stored, codes.hash(TICKET, "K7MW3QXP"));
    }

    @Test
    void valuesStoredWithPbkdf2BeforeTheKeyStillVerify() {
        String legacy = CaseCodes.legacyHash(TICKET, "K7MW3QXP");
        assertTrue(legacy.startsWith("pbkdf2-sha256$20000$"), legacy);
        assertTrue(codes.matches(TICKET, "k7mw3qxp", legacy));
        assertFalse(codes.matches(TICKET, "K7MW3QXQ", legacy));
        // the legacy scheme needs no key: any key verifies it
        assertTrue(new CaseCodes("another-deployments-key-abcdefghijkl").matches(TICKET, "K7MW3QXP", legacy));
    }

    @Test
    void aTicketWithoutAValueOrWithAnUnknownSchemeNeverMatches() {
        assertFalse(codes.matches(TICKET, "K7MW3QXP", null));
        assertFalse(codes.matches(TICKET, "", ""));
        String keyed = codes.hash(TICKET, "K7MW3QXP");
        assertFalse(codes.matches(TICKET, "K7MW3QXP", "sha256$" + keyed.substring("hmac-sha256$".length())));
    }

    @Test
    void aMissingOrShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CaseCodes(null));
        assertThrows(IllegalArgumentException.class, () -> new CaseCodes(""));
        assertThrows(IllegalArgumentException.class, () -> new CaseCodes("only-thirty-one-characters-long"));
    }
}
