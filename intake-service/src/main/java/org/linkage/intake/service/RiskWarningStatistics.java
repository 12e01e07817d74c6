package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.District;
import org.linkage.intake.domain.RiskRule;
import org.linkage.intake.domain.RiskRules;
import org.linkage.intake.repository.RiskWarningRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Risk warnings raised, per rule, category and district, for supervisors: where disputes keep coming back. */
@ApplicationScoped
public class RiskWarningStatistics {
    public record Row(String ruleCode, String kind, String ruleZh, String ruleEn, String categoryCode,
                      String categoryZh, String categoryEn, String districtCode, String districtZh, String districtEn,
                      long warnings) {
    }

    public record Report(Instant from, Instant to, long warnings, List<Row> rows) {
    }

    private final RiskWarningRepository repository;
    private final Taxonomy taxonomy;
    private final DistrictDirectory districts;
    private final Map<String, RiskRule> rules;

    public RiskWarningStatistics(RiskWarningRepository repository, Taxonomy taxonomy, DistrictDirectory districts,
                                 RiskRules rules) {
        this.repository = repository;
        this.taxonomy = taxonomy;
        this.districts = districts;
        this.rules = rules.rules().stream().collect(Collectors.toMap(RiskRule::code, Function.identity()));
    }

    @Transactional
    public Report of(Instant from, Instant to) {
        List<Row> rows = repository.counts(from, to).stream().map(c -> {
            RiskRule rule = rules.get(c.ruleCode());
            var category = c.categoryCode() == null ? java.util.Optional.<org.linkage.intake.classification.Category>empty()
                    : taxonomy.byCode(c.categoryCode());
            var district = c.districtCode() == null ? java.util.Optional.<District>empty()
                    : districts.byCode(c.districtCode());
            return new Row(c.ruleCode(), c.kind(), rule == null ? null : rule.labelZh(),
                    rule == null ? null : rule.labelEn(), c.categoryCode(), category.map(x -> x.nameZh()).orElse(null),
                    category.map(x -> x.nameEn()).orElse(null), c.districtCode(),
                    district.map(District::nameZh).orElse(null), district.map(District::nameEn).orElse(null),
                    c.warnings());
        }).toList();
        return new Report(from, to, rows.stream().mapToLong(Row::warnings).sum(), rows);
    }
}
