package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A call's unmasked contact, read once and audited by intake (CONTACT_VIEWED). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String callId, String callNumber, String callerPhone, String callerName) {
}
