package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/**
 * A call-taker's consultation request to 12345 (三方通话 in data) as the router shows it to dispatchers; no caller
 * contact.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsultationRequest(String id, String callNumber, String status, String suggestedDisposition,
                                  String categoryCode, String content, String address, String districtCode,
                                  String note, String requestedBy, String requestedAt, String expiresAt,
                                  String decidedBy, String decidedAt, String reason, String acceptedCategory,
                                  String ticketNumber) {
}
