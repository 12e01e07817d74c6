package org.linkage.intake.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource({
            "13812345678, 13812345678",
            "+8613812345678, 13812345678",
            "+86 138 1234 5678, 13812345678",
            "0086-138-1234-5678, 13812345678",
            "19912345678, 19912345678",
            "028-85551234, 028-85551234",
            "02885551234, 028-85551234",
            "(028) 8555 1234, 028-85551234",
            "+86 28 85551234, 028-85551234",
            "010-12345678, 010-12345678",
            "0831-1234567, 0831-1234567",
            "0831-12345678, 0831-12345678"})
    void acceptsMainlandNumbersInTheirNormalForm(String raw, String normal) {
        assertEquals(normal, PhoneNumbers.normalise(raw).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "110", "12812345678", "1381234567", "138123456789", "+1 415 555 0100",
            "028-123", "28-85551234", "abc", "13812345678;drop table call"})
    void refusesEverythingElse(String raw) {
        assertTrue(PhoneNumbers.normalise(raw).isEmpty(), raw);
    }
}
