package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A unit's appeal (申诉) against a ticket's assessment, and the supervisor's decision. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Appeal(String id, String ticketId, String ticketNumber, String categoryCode, String ticketStatus,
                     String departmentCode, String ground, String groundZh, String reason, String status,
                     String filedBy, String filedAt, String decidedBy, String decidedAt, String decisionReason) {
}
