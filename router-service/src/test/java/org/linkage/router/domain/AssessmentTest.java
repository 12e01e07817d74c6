package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessmentTest {
    private static final Assessment DEFAULT = new Assessment(weights("0.15", "0.15", "0.35", "0.35"));

    private static Assessment.Weights weights(String sign, String close, String resolution, String satisfaction) {
        return new Assessment.Weights(new BigDecimal(sign), new BigDecimal(close), new BigDecimal(resolution),
                new BigDecimal(satisfaction));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRefusedNamingTheSum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> weights("0.2", "0.2", "0.35", "0.35"));
        assertTrue(e.getMessage().contains("1.10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> weights("-0.1", "0.4", "0.35", "0.35"));
        assertThrows(IllegalArgumentException.class, () -> new Assessment.Weights(null, d("0.5"), d("0.25"), d("0.25")));
    }

    @Test
    void scoreIsTheWeightedMeanOfTheFourRates() {
        // 3 of 4 signed on time, 3 of 4 replied on time, 1 of 3 call-backs solved, 2 of 3 satisfied:
        // 15 × 0.75 + 15 × 0.75 + 35 × 1/3 + 35 × 2/3 = 11.25 + 11.25 + 35 = 57.50
        Assessment.Rates r = DEFAULT.rates(new Assessment.Counts(4, 3, 3, 3, 1, 2));
        assertEquals(d("0.7500"), r.signOnTime());
        assertEquals(d("0.7500"), r.closeOnTime());
        assertEquals(d("0.3333"), r.resolution());
        assertEquals(d("0.6667"), r.satisfaction());
        assertEquals(d("57.50"), r.score());
    }

    @Test
    void aUnitNobodyCalledBackIsScoredOnItsPunctualityAlone() {
        // no call-back: resolution and satisfaction are missing, not zero; 1 of 2 on time in both → 50.00
        Assessment.Rates r = DEFAULT.rates(new Assessment.Counts(2, 1, 1, 0, 0, 0));
        assertNull(r.resolution());
        assertNull(r.satisfaction());
        assertEquals(d("50.00"), r.score());
    }

    @Test
    void aUnitWithoutTicketsHasNoScoreAndNoRank() {
        List<Assessment.Standing<String>> ranked = DEFAULT.rank(List.of(
                new Assessment.Entry<>("A", new Assessment.Counts(0, 0, 0, 0, 0, 0)),
                new Assessment.Entry<>("B", new Assessment.Counts(1, 0, 0, 0, 0, 0))));
        assertEquals("B", ranked.get(0).unit());
        assertEquals(1, ranked.get(0).rank());
        assertEquals(d("0.00"), ranked.get(0).rates().score());
        assertEquals("A", ranked.get(1).unit());
        assertNull(ranked.get(1).rank());
        assertNull(ranked.get(1).rates().score());
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        List<Assessment.Standing<String>> ranked = DEFAULT.rank(List.of(
                new Assessment.Entry<>("C", new Assessment.Counts(4, 3, 3, 3, 1, 2)),   // 57.50
                new Assessment.Entry<>("B", new Assessment.Counts(1, 1, 1, 0, 0, 0)),   // 100.00
                new Assessment.Entry<>("A", new Assessment.Counts(2, 2, 2, 2, 2, 2)),   // 100.00
                new Assessment.Entry<>("D", new Assessment.Counts(2, 0, 0, 0, 0, 0)))); // 0.00
        assertEquals(List.of("A", "B", "C", "D"), ranked.stream().map(Assessment.Standing::unit).toList());
        assertEquals(List.of(1, 1, 3, 4), ranked.stream().map(Assessment.Standing::rank).toList());
    }

    @Test
    void theWeightingDecidesTheOrder() {
        // X signs and closes everything on time but no caller is satisfied; Y is late but every caller is content
        List<Assessment.Entry<String>> units = List.of(
                new Assessment.Entry<>("X", new Assessment.Counts(2, 2, 2, 2, 0, 0)),
                new Assessment.Entry<>("Y", new Assessment.Counts(2, 0, 0, 2, 2, 2)));
        assertEquals("Y", DEFAULT.rank(units).get(0).unit());
        Assessment punctual = new Assessment(weights("0.4", "0.4", "0.1", "0.1"));
        assertEquals("X", punctual.rank(units).get(0).unit());
        assertEquals(d("80.00"), punctual.rank(units).get(0).rates().score());
    }
}
