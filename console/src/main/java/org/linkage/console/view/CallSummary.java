package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A row of intake's call list (GET /api/calls): masked contact, the decision and what became of the ticket. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallSummary(String id, String callNumber, String channel, String callerPhone, String callerName,
                          String receivedAt, String districtCode, String disposition, String decision,
                          String categoryCode, String excerpt, String ticketNumber, String ticketStatus, String takenBy,
                          String deliveryStatus, String departmentName, String resolveBy, String finalAnswer) {
}
