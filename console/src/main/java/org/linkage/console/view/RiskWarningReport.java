package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** Risk warnings (风险预警) raised in a range: the total, and a row per rule, category and district. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskWarningReport(String from, String to, long warnings, List<Row> rows) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String ruleCode, String kind, String ruleZh, String ruleEn, String categoryCode,
                      String categoryZh, String categoryEn, String districtCode, String districtZh, String districtEn,
                      long warnings) {
    }
}
