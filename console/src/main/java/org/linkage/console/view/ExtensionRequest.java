package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A unit's request for a later resolve-by deadline (延期), and the supervisor's decision. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtensionRequest(String id, String status, String departmentCode, String requestedBy, String requestedAt,
                               String reason, String previousResolveBy, String requestedResolveBy, String decidedBy,
                               String decidedAt, String decisionNote) {
}
