package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/**
 * A police matter 12345 handed back to 110 (转110), as intake queues it: the phone masked in the queue, in full
 * (audited) to whoever accepts it.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record PoliceTransfer(String id, String ticketId, String ticketNumber, String callId, String origin,
                             String reason, String content, String address, String districtCode, String callerPhone,
                             String callerName, String transferredBy, String transferredAt, String receivedAt,
                             String state, String acceptedBy, String acceptedAt, String incidentNumber, String note) {
}
