package org.linkage.intake.domain;

import org.linkage.events.Urgency;
import org.linkage.commons.privacy.Masking;
import org.junit.jupiter.api.Test;
import org.linkage.intake.classification.Disposition;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallRulesTest {
    @Test
    void masksMobilesLandlinesAndNames() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("028-****1234", Masking.phone("028-85551234"));
        assertEquals("0831-***4567", Masking.phone("0831-1234567"));
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧**", Masking.name("欧阳锋"));
        assertNull(Masking.name(null));
    }

    @Test
    void callNumbersCarryTheDayAndAPaddedSequence() {
        assertEquals("110-20261128-000123", CallNumbers.format("110", LocalDate.of(2026, 11, 28), 123));
        assertEquals("110-20261128-1234567", CallNumbers.format("110", LocalDate.of(2026, 11, 28), 1_234_567));
    }

    @Test
    void retrievalCodesAvoidLookAlikes() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = RetrievalCodes.generate(random);
            assertTrue(code.matches("[2-9A-HJKMNP-Z]{8}"), code);
            seen.add(code);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void onlyNonPoliceAndJointAreReferred() {
        assertTrue(ReferralPolicy.isReferred(Disposition.NON_POLICE));
        assertTrue(ReferralPolicy.isReferred(Disposition.JOINT));
        assertFalse(ReferralPolicy.isReferred(Disposition.POLICE));
        assertFalse(ReferralPolicy.isReferred(Disposition.INVALID));
    }

    @Test
    void urgencyFollowsRiskUnlessChosen() {
        assertEquals(Urgency.URGENT, ReferralPolicy.urgency(Disposition.JOINT, "WAGES", null));
        assertEquals(Urgency.URGENT, ReferralPolicy.urgency(Disposition.NON_POLICE, "UTILITIES", null));
        assertEquals(Urgency.NORMAL, ReferralPolicy.urgency(Disposition.NON_POLICE, "NOISE", null));
        assertEquals(Urgency.EXTRA_URGENT, ReferralPolicy.urgency(Disposition.NON_POLICE, "NOISE", Urgency.EXTRA_URGENT));
    }

    @Test
    void districtsAreData() {
        Districts d = Districts.read(getClass().getClassLoader().getResourceAsStream("districts/chengdu.csv"));
        assertEquals(23, d.all().size());
        assertEquals("武侯区", d.byCode("510107").orElseThrow().nameZh());
        assertTrue(d.byCode("CD-HIGHTECH").isPresent());
        assertTrue(d.byCode("999999").isEmpty());
    }
}
