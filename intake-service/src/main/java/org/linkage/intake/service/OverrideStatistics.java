package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.classification.Taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often call-takers overrode the classifier, per suggested category: where the model is weak.
 * Counts decided calls only; a pending call says nothing yet about the suggestion.
 */
@ApplicationScoped
public class OverrideStatistics {
    public record CategoryOverrides(String categoryCode, String nameZh, String nameEn, long decided, long overridden,
                                    double overrideRate, Map<String, Long> overriddenTo) {
    }

    public record Report(Instant from, Instant to, long decided, long overridden, List<CategoryOverrides> categories) {
    }

    private final CallRepository calls;
    private final Taxonomy taxonomy;

    public OverrideStatistics(CallRepository calls, Taxonomy taxonomy) {
        this.calls = calls;
        this.taxonomy = taxonomy;
    }

    public Report overrides(Instant from, Instant to) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> targets = new LinkedHashMap<>();
        long decided = 0;
        long overridden = 0;
        for (CallRepository.DecisionCount row : calls.decisionCounts(from, to)) {
            String suggested = row.suggestedCategory() == null ? String.valueOf(row.suggestedDisposition())
                    : row.suggestedCategory();
            long n = row.count();
            long[] c = counts.computeIfAbsent(suggested, k -> new long[2]);
            c[0] += n;
            decided += n;
            if (row.decision() == org.linkage.intake.domain.Decision.OVERRIDDEN) {
                c[1] += n;
                overridden += n;
                String target = row.disposition() + (row.categoryCode() == null ? "" : "/" + row.categoryCode());
                targets.computeIfAbsent(suggested, k -> new LinkedHashMap<>()).merge(target, n, Long::sum);
            }
        }
        List<CategoryOverrides> categories = new ArrayList<>();
        counts.forEach((code, c) -> {
            var category = taxonomy.byCode(code);
            categories.add(new CategoryOverrides(code, category.map(x -> x.nameZh()).orElse(null),
                    category.map(x -> x.nameEn()).orElse(null), c[0], c[1], c[0] == 0 ? 0 : (double) c[1] / c[0],
                    targets.getOrDefault(code, Map.of())));
        });
        categories.sort((a, b) -> a.overridden() != b.overridden() ? Long.compare(b.overridden(), a.overridden())
                : a.categoryCode().compareTo(b.categoryCode()));
        return new Report(from, to, decided, overridden, categories);
    }
}
