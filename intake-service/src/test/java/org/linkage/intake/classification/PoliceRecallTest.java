package org.linkage.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Police recall on the held-out police sets, and recall and diversion on the project's own labelled calls. */
class PoliceRecallTest {

    private static List<Csv.Row> rows(String resource) {
        var in = PoliceRecallTest.class.getClassLoader().getResourceAsStream(resource);
        return Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static boolean diverted(Classification c) {
        return c.disposition() == Disposition.NON_POLICE || c.disposition() == Disposition.INVALID;
    }

    @ParameterizedTest
    @ValueSource(strings = {"classification/police-heldout.csv", "classification/police-heldout-2.csv"})
    void noHeldOutPoliceCallIsDiverted(String resource) {
        List<String> lost = new ArrayList<>();
        List<Csv.Row> rows = rows(resource);
        for (Csv.Row row : rows) {
            Classification c = SafetyRulesTest.CLASSIFIER.classify(row.get("title"), row.get("text"));
            if (diverted(c)) {
                lost.add(row.get("text") + " -> " + c.disposition() + " " + c.signals());
            }
        }
        assertTrue(rows.size() >= 25, "too few rows in " + resource);
        assertEquals(List.of(), lost, "police recall below 100% on " + resource);
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
