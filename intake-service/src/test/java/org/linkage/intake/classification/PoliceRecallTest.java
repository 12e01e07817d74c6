package org.linkage.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Police recall on the held-out police sets, and recall and diversion on the project's own labelled calls. */
class PoliceRecallTest {

    /**
     * The police sets no model has trained on: their figures are still measurements of calls the models never saw (the
     * rules were, in places, read off their misses; their headers say when each was written and what its first run gave).
     */
    static final List<String> HELD_OUT_SETS = List.of("classification/police-heldout.csv",
            "classification/police-heldout-2.csv", "classification/police-heldout-3.csv",
            "classification/police-heldout-5.csv", "classification/police-heldout-6.csv",
            "classification/police-heldout-7.csv", "classification/police-heldout-8.csv");

    /**
     * Sets the danger and invalid-call models train on ({@link ModelTrainer#DANGER_SETS}): regression sets only, never
     * called held out. A sealed set joins them after its scored runs (its header keeps those figures).
     */
    static final List<String> TRAINED_SETS = List.of(
            // set 9: scored once while sealed (its header and police-heldout-9-first-run.txt), then trained on in round 5
            "classification/police-heldout-9.csv",
            // set 10: scored once while sealed, after rounds 4 and 5 (its header); trained on since round 6
            "classification/police-heldout-10.csv",
            // set 11: scored while sealed on rounds 5 and 6 (its header); trained on since round 7
            "classification/police-heldout-11.csv",
            // set 12: scored once while sealed on rounds 6 and 7 (its header); trained on since round 8
            "classification/police-heldout-12.csv",
            // set 13: scored once while sealed on rounds 7 and 8 (its header); trained on since round 9
            "classification/police-heldout-13.csv",
            // set 14: scored once while sealed on rounds 8b and 9 (its header); trained on since round 10
            "classification/police-heldout-14.csv",
            // set 15: scored once while sealed on rounds 9b and 10 (its header); trained on since round 11
            "classification/police-heldout-15.csv",
            // set 16: scored once while sealed on rounds 10 and 11 (its header); trained on since round 12
            "classification/police-heldout-16.csv",
            // set 17: scored once while sealed on round 11 (its header); trained on since round 12
            "classification/police-heldout-17.csv",
            // set 18: scored once while sealed on rounds 11 and 12 (its header); trained on since round 13
            "classification/police-heldout-18.csv",
            // set 19: scored once while sealed on round 13 with the REPORT rule (its header); trained on since round 14
            "classification/police-heldout-19.csv",
            // set 20: scored once while sealed on round 14 (its header); read for round 15, trained on since round 16
            "classification/police-heldout-20.csv",
            // issue 15's training sets: scored once while unseen (their headers), since then the danger model trains on them
            "classification/train-set-A.csv", "classification/train-set-B.csv",
            // written by the issue 15 classifier sessions after reading the cues: training data only
            ModelTrainer.SPOKEN_SET, ModelTrainer.SPOKEN_SET_D, ModelTrainer.SPOKEN_SET_E);

    /** Every police set, held out or trained on: police recall must be 1.0 on each. */
    static final List<String> POLICE_SETS = java.util.stream.Stream.concat(HELD_OUT_SETS.stream(), TRAINED_SETS.stream())
            .toList();

    static List<String> policeSets() {
        return POLICE_SETS;
    }

    static List<Csv.Row> rows(String resource) {
        var in = PoliceRecallTest.class.getClassLoader().getResourceAsStream(resource);
        return Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static boolean diverted(Classification c) {
        return c.disposition() == Disposition.NON_POLICE || c.disposition() == Disposition.INVALID;
    }

    @ParameterizedTest
    @MethodSource("policeSets")
    void noPoliceCallOfAnySetIsDiverted(String resource) {
        List<String> lost = new ArrayList<>();
        List<Csv.Row> rows = rows(resource).stream()
                .filter(r -> r.get("label").equals("POLICE") || r.get("label").equals("JOINT")).toList();
        for (Csv.Row row : rows) {
            Classification c = SafetyRulesTest.CLASSIFIER.classify(row.get("title"), row.get("text"));
            if (diverted(c)) {
                lost.add(row.get("text") + " -> " + c.disposition() + " " + c.signals());
            }
        }
        assertTrue(rows.size() >= 25, "too few rows in " + resource);
        assertEquals(List.of(), lost, "police recall below 100% on " + resource);
    }

    /**
     * The sets also have ordinary 12345 calls and invalid ones: safety must not be bought by keeping everything.
     * Measured after issue 15's invalid-call model (docs/classifier.md): diversion 0.90-1.00, invalid 0.70-0.88 (sets 3,
     * 5, 6, 7 never trained on); set 8 after its round diversion 0.95, invalid 0.95. A silent line ("接通后无人说话") stays with 110 on purpose, because the caller may be
     * in trouble: the call-taker calls back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"classification/police-heldout-3.csv", "classification/police-heldout-5.csv",
            "classification/police-heldout-6.csv", "classification/police-heldout-7.csv",
            "classification/police-heldout-8.csv", "classification/police-heldout-9.csv",
            "classification/train-set-A.csv", "classification/train-set-B.csv", "classification/train-set-C.csv",
            "classification/train-set-D.csv", "classification/police-heldout-10.csv", "classification/train-set-E.csv",
            "classification/police-heldout-11.csv", "classification/police-heldout-12.csv",
            "classification/police-heldout-13.csv", "classification/police-heldout-14.csv",
            "classification/police-heldout-15.csv", "classification/police-heldout-16.csv",
            "classification/police-heldout-17.csv", "classification/police-heldout-18.csv",
            "classification/police-heldout-19.csv", "classification/police-heldout-20.csv"})
    void heldOutNonPoliceCallsAreDivertedAndInvalidOnesRecognised(String resource) {
        int nonPolice = 0;
        int divertedRight = 0;
        int invalid = 0;
        int invalidRight = 0;
        for (Csv.Row row : rows(resource)) {
            Disposition label = Disposition.valueOf(row.get("label"));
            Disposition got = SafetyRulesTest.CLASSIFIER.classify(null, row.get("text")).disposition();
            if (label == Disposition.NON_POLICE) {
                nonPolice++;
                divertedRight += got == Disposition.NON_POLICE ? 1 : 0;
            } else if (label == Disposition.INVALID) {
                invalid++;
                invalidRight += got == Disposition.INVALID ? 1 : 0;
            }
        }
        assertTrue(nonPolice >= 20 && divertedRight >= 0.9 * nonPolice, "diversion " + divertedRight + "/" + nonPolice);
        assertTrue(invalid >= 10 && invalidRight >= 0.6 * invalid, "invalid " + invalidRight + "/" + invalid);
    }

    @Test
    void ownCallsKeepEveryPoliceCallAndDivertTheNonPoliceOnes() {
        int nonPolice = 0;
        int divertedRight = 0;
        int invalid = 0;
        int invalidRight = 0;
        List<String> lost = new ArrayList<>();
        for (Csv.Row row : rows(ModelTrainer.CALLS_RESOURCE)) {
            Disposition label = Disposition.valueOf(row.get("label"));
            Classification c = SafetyRulesTest.CLASSIFIER.classify(null, row.get("text"));
            switch (label) {
                case POLICE, JOINT -> {
                    if (diverted(c)) {
                        lost.add(row.get("text"));
                    }
                }
                case NON_POLICE -> {
                    nonPolice++;
                    divertedRight += c.disposition() == Disposition.NON_POLICE ? 1 : 0;
                }
                case INVALID -> {
                    invalid++;
                    invalidRight += c.disposition() == Disposition.INVALID ? 1 : 0;
                }
            }
        }
        assertEquals(List.of(), lost);
        assertTrue(divertedRight >= 0.95 * nonPolice, "diversion " + divertedRight + "/" + nonPolice);
        assertTrue(invalidRight >= 0.95 * invalid, "invalid " + invalidRight + "/" + invalid);
    }
}
