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
        return new SafetyFirstClassifier(Taxonomy.loadDefault(), Cues.loadDefault(), loadModelIfPresent(), loadDangerModelIfPresent());
    }

    /**
     * For measuring: the same rules with another domain-model artefact (e.g. the twin trained without the held-out
     * slice; null for the shipped one), with or without the danger model (to see what the cue lexicon alone does).
     */
    public static Classifier forMeasuring(byte[] domainArtefact, boolean withDangerModel) throws IOException {
        return new SafetyFirstClassifier(Taxonomy.loadDefault(), Cues.loadDefault(),
                domainArtefact == null ? loadModelIfPresent() : DomainModel.read(domainArtefact),
                withDangerModel ? loadDangerModelIfPresent() : null);
    }

    private static DangerModel loadDangerModelIfPresent() {
        return DangerModel.class.getClassLoader().getResource(DangerModel.RESOURCE) == null ? null : DangerModel.loadDefault();
    }

    private static DomainModel loadModelIfPresent() {
        return DomainModel.class.getClassLoader().getResource(DomainModel.RESOURCE) == null ? null : DomainModel.loadDefault();
    }
}
