package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** One of the answering unit's reply templates for a ticket, with {@code preview} filled in from the ticket. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyTemplate(long id, String departmentCode, String titleZh, String bodyZh, int version,
                            String preview) {
}
