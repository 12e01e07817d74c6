package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** Evidence on a call (photo, recording, document) as intake lists it. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallAttachment(String id, String callNumber, String fileName, String contentType, long sizeBytes,
                             String uploadedBy, String uploadedAt, boolean forwardedToTicket) {
}
