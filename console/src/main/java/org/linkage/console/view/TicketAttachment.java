package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** Evidence on a ticket (photo, recording, document) as the router lists it for this reader. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketAttachment(String id, String ticketNumber, String fileName, String contentType, long sizeBytes,
                               String departmentCode, String uploadedBy, String uploadedAt) {
}
