package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** Contacts answered at first contact beside tickets received, for one category (or other group key). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record FirstContactRow(String key, long answered, long tickets, Double firstContactRate) {
}
