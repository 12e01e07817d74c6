package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10, item 9: the signing keys and api keys settings are parsed here; a mistake in one never prints a key. */
class KeyValueSpecTest {

    @Test
    void entriesAreParsed() {
        assertEquals(Map.of("CD-HRSS", "a|b", "CD-ECO", "c"), KeyValueSpec.parse("CD-HRSS=a|b; CD-ECO=c ;"));
    }

    @Test
    void aMalformedEntryIsNamedByItsPlaceNotItsSecret() {
        // a colon typed for the equals sign: the whole entry is the department's key
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyValueSpec.parse("CD-HRSS=dev-hrss-key-2026;CD-ECO:s3cr3t-webhook-key"));
        assertFalse(e.getMessage().contains("s3cr3t-webhook-key"), e.getMessage());
        assertTrue(e.getMessage().contains("entry 2 of 2"), e.getMessage());
    }
}
