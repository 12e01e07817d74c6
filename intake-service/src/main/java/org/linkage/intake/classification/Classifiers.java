package org.linkage.intake.classification;

/** Factory for the production classifier. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * The taxonomy, the cue lists and the trained domain model from the class path, ready to use from any number of
     * threads. Takes tens of milliseconds (see docs/classifier.md for the measured figure).
     */
    public static Classifier loadDefault() {
        return new SafetyFirstClassifier(Taxonomy.loadDefault(), Cues.loadDefault(), loadModelIfPresent());
    }

    private static DomainModel loadModelIfPresent() {
        return DomainModel.class.getClassLoader().getResource(DomainModel.RESOURCE) == null ? null : DomainModel.loadDefault();
    }
}
