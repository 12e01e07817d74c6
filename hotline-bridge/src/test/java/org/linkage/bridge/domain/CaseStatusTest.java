package org.linkage.bridge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @ParameterizedTest
    @ValueSource(strings = {"PAUSED", "PARKED", "TERMINATED", "CLOSED", "MERGED", "TRANSFERRED_TO_POLICE"})
    void aCallerLearnsWhenTheCaseIsNotSimplyInProgress(String status) {
        assertNotEquals(CaseStatus.of("IN_PROGRESS"), CaseStatus.of(status), status);
    }

    @Test
    void anUnknownStatusReadsAsInProgressRatherThanItsCode() {
        assertEquals(CaseStatus.of("IN_PROGRESS"), CaseStatus.of("SOMETHING_NEW"));
    }
}
