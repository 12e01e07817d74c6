package org.linkage.intake.classification;

import java.io.IOException;
import java.util.List;

/**
 * A second linear model, trained on labelled 110 call texts, that estimates whether a call is a police matter at all.
 * The cue lexicon catches what it has words for; fresh test sets showed callers describe danger in ways no list
 * foresees ("车里头有人在拍窗子", "梯子遭风吹倒了，他下不来"). This model only ever keeps a call with 110 — it can turn a
 * NON_POLICE or INVALID answer into POLICE or JOINT, never the reverse — so a mistake costs a call-taker a minute, not
 * a diverted emergency. Immutable, hence thread-safe.
 */
public final class DangerModel extends BinaryModel {

    public static final String RESOURCE = "classification/danger-model.bin.gz";
    /** The two classes, in artefact order. */
    public static final String POLICE_MATTER = "警情";
    public static final String NOT_POLICE_MATTER = "非警情";
    public static final List<String> CLASSES = List.of(POLICE_MATTER, NOT_POLICE_MATTER);

    private DangerModel(DomainModel model) {
        super(model, CLASSES, "a danger model");
    }

    public static DangerModel read(byte[] artefact) throws IOException {
        return new DangerModel(DomainModel.read(artefact, "danger-svm-"));
    }

    public static DangerModel loadDefault() {
        return new DangerModel(DomainModel.load(RESOURCE, "danger-svm-"));
    }

    /** Probability that the (normalised) call is a police matter. */
    public double probability(String normalizedTitle, String normalizedText) {
        return firstClassProbability(normalizedTitle, normalizedText);
    }
}
