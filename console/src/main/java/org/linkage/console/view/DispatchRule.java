package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * One version of a category's dispatch rule in the router's catalogue: who leads (a municipal unit, or the district's
 * government or urban function), who supports, and the sign and resolve limits.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchRule(String categoryCode, Integer version, String leadKind, String leadDepartmentCode,
                           String leadFunction, List<String> supporting, String defaultUrgency, String signLimit,
                           String resolveLimit, Boolean callbackRequired, Boolean current, String createdAt,
                           String createdBy, Boolean attachmentRequired) {
}
