package org.linkage.intake.classification;

import java.io.IOException;

/** Factory for the production classifier. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * The taxonomy, the cue lists and the trained domain model from the class path, ready to use from any number of
     * threads. Takes tens of milliseconds (see docs/classifier.md for the measured figure).
     */
    public static Classifier loadDefault() {
        // both models are required: without the danger model the cue lexicon alone misses danger it has no word for,
        // so a missing artefact must stop the start, not quietly weaken the safety net
        return new SafetyFirstClassifier(Taxonomy.loadDefault(), Cues.loadDefault(), DomainModel.loadDefault(), DangerModel.loadDefault(),
                InvalidModel.loadDefault());
    }

    /**
     * For measuring: the same rules with another domain-model artefact (e.g. the twin trained without the held-out
     * slice; null for the shipped one), with or without the danger model (to see what the cue lexicon alone does).
     */
    public static Classifier forMeasuring(byte[] domainArtefact, boolean withDangerModel) throws IOException {
        return forMeasuring(domainArtefact, withDangerModel, null, null);
    }

    /**
     * For measuring with other danger and invalid-call artefacts too (null for the shipped ones): the models of a
     * cross-validation fold, trained without the rows they are scored on.
     */
    public static Classifier forMeasuring(byte[] domainArtefact, boolean withDangerModel, byte[] dangerArtefact,
                                          byte[] invalidArtefact) throws IOException {
        return new SafetyFirstClassifier(Taxonomy.loadDefault(), Cues.loadDefault(),
                domainArtefact == null ? DomainModel.loadDefault() : DomainModel.read(domainArtefact),
                !withDangerModel ? null : dangerArtefact == null ? DangerModel.loadDefault() : DangerModel.read(dangerArtefact),
                invalidArtefact == null ? InvalidModel.loadDefault() : InvalidModel.read(invalidArtefact));
    }
}
