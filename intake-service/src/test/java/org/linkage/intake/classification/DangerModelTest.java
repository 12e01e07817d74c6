package org.linkage.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The danger model adds police matters the cue lexicon has no word for, and never takes one away. */
class DangerModelTest {

    static final Classifier WITH_MODEL = Classifiers.loadDefault();
    static final Classifier CUES_ONLY;

    static {
        try {
            CUES_ONLY = Classifiers.forMeasuring(null, false);
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void keepsADangerNoCueNamesWith110AndSaysSo() {
        String text = "公园湖边有个娃儿在水里扑腾，周围没得大人";   // a child struggling in the water: no cue word in it
        assertEquals(Disposition.NON_POLICE, CUES_ONLY.classify(null, text).disposition(), "a cue now catches it: pick another text");
        Classification c = WITH_MODEL.classify(null, text);
        assertEquals(Disposition.POLICE, c.disposition());
        assertTrue(c.signals().get(0).startsWith("危险:模型"), c.signals().toString());
        assertTrue(c.modelVersion().contains("+danger-svm-"), c.modelVersion());
    }

    @Test
    void neverTurnsAPoliceMatterOfTheCuesIntoSomethingElse() {
        List<String> changed = new ArrayList<>();
        int policeByCues = 0;
        List<String> resources = new ArrayList<>(PoliceRecallTest.POLICE_SETS);
        resources.add(ModelTrainer.CALLS_RESOURCE);
        for (String resource : resources) {
            for (Csv.Row row : PoliceRecallTest.rows(resource)) {
                Disposition cues = CUES_ONLY.classify(null, row.get("text")).disposition();
                if (cues == Disposition.POLICE || cues == Disposition.JOINT) {
                    policeByCues++;
                    Disposition both = WITH_MODEL.classify(null, row.get("text")).disposition();
                    if (both != Disposition.POLICE && both != Disposition.JOINT) {
                        changed.add(row.get("text") + " -> " + both);
                    }
                }
            }
        }
        assertTrue(policeByCues > 200, "too few police rows to say anything: " + policeByCues);
        assertEquals(List.of(), changed);
    }
}
