package org.linkage.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.linkage.intake.classification.Classifier;
import org.linkage.intake.classification.Classifiers;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.Districts;

import java.io.InputStream;

/**
 * Makes the framework-free classification and reference data available as beans. Each is loaded
 * once: the classifier is trained data read at start-up, and a call must never wait for it.
 */
@Singleton
public class ClassificationProducer {
    private static final Logger LOG = Logger.getLogger(ClassificationProducer.class);

    @Produces
    @Singleton
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    @Produces
    @Singleton
    Classifier classifier() {
        long start = System.nanoTime();
        Classifier classifier = Classifiers.loadDefault();
        LOG.infof("classifier loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }

    @Produces
    @Singleton
    Districts districts(IntakeConfig config) {
        String resource = config.districtsResource();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return Districts.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
