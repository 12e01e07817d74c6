package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

import java.util.List;
import java.util.Map;

/** How often call-takers overrode the classifier's suggestion in a range, per suggested category. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record OverrideReport(String from, String to, long decided, long overridden, List<CategoryOverrides> categories) {

    /** @param overriddenTo how many went to each other disposition or category, by code */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryOverrides(String categoryCode, String nameZh, String nameEn, long decided, long overridden,
                                    double overrideRate, Map<String, Long> overriddenTo) implements Named {
        @Override
        public String code() {
            return categoryCode;
        }
    }
}
