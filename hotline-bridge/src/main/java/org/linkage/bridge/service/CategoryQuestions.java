package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.RouterCatalogueApi;
import org.linkage.bridge.client.RouterClient;
import org.linkage.bridge.client.UpstreamUnavailableException;
import org.linkage.commons.problem.ProblemException;
import org.linkage.events.CategoryQuestion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions each category asks, read from the router (their one owner) and kept for a minute. The bridge keeps
 * no copy of its own: a change in the router's catalogue reaches Open311 clients within that minute. While the
 * router cannot be reached the last answer is kept; with none at all the questions are unknown (empty).
 */
@ApplicationScoped
public class CategoryQuestions {
    private static final Logger LOG = Logger.getLogger(CategoryQuestions.class);

    private record Snapshot(Map<String, List<CategoryQuestion>> byCategory, Instant at) {
    }

    private final RouterClient router;
    private final Clock clock;
    private final Duration fresh;
    private volatile Snapshot snapshot;

    public CategoryQuestions(RouterClient router, Clock clock,
                             @org.eclipse.microprofile.config.inject.ConfigProperty(
                                     name = "linkage.category-questions.ttl", defaultValue = "1m") Duration fresh) {
        this.router = router;
        this.clock = clock;
        this.fresh = fresh;
    }

    /** The category's questions; empty when it asks none, and when the router has never been reachable. */
    public Optional<List<CategoryQuestion>> of(String categoryCode) {
        Snapshot s = current();
        return s == null ? Optional.empty() : Optional.of(s.byCategory().getOrDefault(categoryCode, List.of()));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && s.at().plus(fresh).isAfter(now)) {
            return s;
        }
        try {
            Map<String, List<CategoryQuestion>> byCategory = new HashMap<>();
            for (RouterCatalogueApi.QuestionSet set : router.questions()) {
                byCategory.put(set.categoryCode(), set.questions() == null ? List.of() : set.questions());
            }
            snapshot = new Snapshot(Map.copyOf(byCategory), now);
            return snapshot;
        } catch (UpstreamUnavailableException | FaultToleranceException | ProblemException e) {
            LOG.warnf("category questions unavailable from the router (%s); %s", e.getMessage(),
                    s == null ? "none known yet" : "keeping those of " + s.at());
            return s;
        }
    }
}
