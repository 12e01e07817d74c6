package org.linkage.commons.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10, item 5: masking works on the digits of a phone-like value, not on its shape. */
class MaskingTest {
    @Test
    void theUsualShapesMaskAsBefore() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("028-****1234", Masking.phone("028-85551234"));
        assertEquals("0831-***4567", Masking.phone("0831-1234567"));
    }

    @Test
    void anyShapeOfTheSameDigitsIsMasked() {
        assertEquals("138****-5678", Masking.phone("1381234-5678"));
        assertEquals("138 **** 5678", Masking.phone("138 1234 5678"));
        assertEquals("(028) ****5678", Masking.phone("(028) 12345678"));
        assertEquals("+86 1** **** 5678", Masking.phone("+86 138 1234 5678"));
        for (String shape : new String[]{"1381234-5678", "13-8123-45678", "138.1234.5678", "+8613812345678"}) {
            String masked = Masking.phone(shape);
            assertFalse(masked.replaceAll("\\D", "").contains("1234"), shape + " → " + masked);
        }
    }

    @Test
    void shortNumbersShowAtMostTwoDigits() {
        assertEquals("***45", Masking.phone("12345"));
        assertEquals("****56", Masking.phone("123456"));
        assertEquals("****", Masking.phone("1234"));
        assertEquals("***4567", Masking.phone("1234567"));
        assertEquals("****5678", Masking.phone("12345678"));
    }

    @Test
    void phonesAreNormalisedWhereTheyEnter() {
        assertEquals("13812345678", PhoneNumbers.normalisedOrAsGiven("+86 138-1234-5678"));
        assertEquals("028-12345678", PhoneNumbers.normalisedOrAsGiven("(028) 1234 5678"));
        assertEquals("12345", PhoneNumbers.normalisedOrAsGiven(" 12345 "));
        assertEquals(null, PhoneNumbers.normalisedOrAsGiven("  "));
        assertTrue(PhoneNumbers.isValid("0086 13812345678"));
    }
}
