package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A category in a district with more tickets of late than its baseline ({@code hot} when past the factor). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hotspot(String categoryCode, String districtCode, long recent, Double baselinePerWindow, boolean hot) {
}
