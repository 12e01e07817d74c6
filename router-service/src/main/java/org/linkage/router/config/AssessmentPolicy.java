package org.linkage.router.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.linkage.router.domain.Assessment;

/** Builds the ranking policy when the router starts, so invalid weights fail the start with the domain's message. */
public class AssessmentPolicy {
    @Produces
    @Singleton
    @Startup
    Assessment assessment(AssessmentConfig config) {
        AssessmentConfig.Weights w = config.weights();
        return new Assessment(new Assessment.Weights(w.signOnTime(), w.closeOnTime(), w.resolution(), w.satisfaction()));
    }
}
