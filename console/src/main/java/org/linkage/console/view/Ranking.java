package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

import java.util.List;

/** The router's monthly ranking of units (考核), in its tiers, with the weights the score was made with. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ranking(String month, String zone, String from, String to, String generatedAt, Weights weights,
                      List<Tier> tiers) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Weights(Double signOnTime, Double closeOnTime, Double resolution, Double satisfaction) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tier(String tier, String nameZh, List<Row> rows) {
    }

    /** One unit's month: its figures, rates as fractions, its score and what appeals took out. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(Integer rank, String unitCode, String nameZh, String nameEn, long dispatched, long signedOnTime,
                      long closedOnTime, long calledBack, long solved, long satisfied, Double signOnTimeRate,
                      Double closeOnTimeRate, Double resolutionRate, Double satisfactionRate, Double score,
                      long excludedByAppeal, long appealsFiled, long appealsAccepted, long appealsRejected,
                      long appealsPending) implements Named {
        /** The page names the unit in the reader's language ({@code fmt:name}). */
        @Override
        public String code() {
            return unitCode;
        }
    }
}
