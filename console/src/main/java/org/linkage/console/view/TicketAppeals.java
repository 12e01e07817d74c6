package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** A ticket's appeals (申诉) as the reader may see them, and whether the reader may file one now. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketAppeals(boolean mayFile, List<Appeal> appeals) {
}
