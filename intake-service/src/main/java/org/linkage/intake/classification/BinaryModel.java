package org.linkage.intake.classification;

import java.util.List;

/**
 * What the danger and invalid-call models share: a linear model over the same features as the domain model, with two
 * classes, asked for the probability of the first. Immutable, hence thread-safe.
 */
abstract class BinaryModel {
    private final DomainModel model;

    /** @param what the model's name in the message when an artefact of another model is given */
    BinaryModel(DomainModel model, List<String> classes, String what) {
        if (!model.domains().equals(classes)) {
            throw new IllegalArgumentException("not " + what + ": classes " + model.domains());
        }
        this.model = model;
    }

    /** Probability of the first class for the (normalised) call. */
    final double firstClassProbability(String normalizedTitle, String normalizedText) {
        return model.predict(normalizedTitle, normalizedText)[0];
    }

    public final String version() {
        return model.version();
    }

    final int featureCount() {
        return model.featureCount();
    }
}
