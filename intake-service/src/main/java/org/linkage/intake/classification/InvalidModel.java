package org.linkage.intake.classification;

import java.io.IOException;
import java.util.List;

/**
 * A third linear model, trained on labelled 110 call texts, that estimates whether a call carries no matter at all: a
 * child playing with the phone, a pocket dial, a test, a prank owned up to, a caller who wants to chat or meant to ring
 * a shop. Phrases caught the obvious ones; fresh sets showed that such calls are said in ever new words
 * ("妈妈 这个是啥子 按这个吗", "你出来喝两杯嘛"). It is asked only when nothing in the call speaks of danger (no live cue,
 * the danger model below its threshold, no note of a silent line), so it can move a call from "unclear, 110 keeps it"
 * to INVALID and never past a sign of danger. Immutable, hence thread-safe.
 */
public final class InvalidModel extends BinaryModel {

    public static final String RESOURCE = "classification/invalid-model.bin.gz";
    /** The two classes, in artefact order. */
    public static final String NO_MATTER = "无效";
    public static final String A_MATTER = "有效";
    public static final List<String> CLASSES = List.of(NO_MATTER, A_MATTER);

    private InvalidModel(DomainModel model) {
        super(model, CLASSES, "an invalid-call model");
    }

    public static InvalidModel read(byte[] artefact) throws IOException {
        return new InvalidModel(DomainModel.read(artefact, "invalid-svm-"));
    }

    public static InvalidModel loadDefault() {
        return new InvalidModel(DomainModel.load(RESOURCE, "invalid-svm-"));
    }

    /** Probability that the (normalised) call has nothing to report. */
    public double probability(String normalizedTitle, String normalizedText) {
        return firstClassProbability(normalizedTitle, normalizedText);
    }
}
