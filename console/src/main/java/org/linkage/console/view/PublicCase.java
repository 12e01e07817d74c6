package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

import java.util.List;

/**
 * A case as the bridge shows it to the caller who quotes its number and retrieval code: status, unit, deadline,
 * public updates and the answer; nothing personal.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicCase(String ticketNumber, String status, Label statusLabel, boolean closed, Department department,
                         String submittedAt, String deadline, String updatedAt, String answer, List<Update> updates) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String zh, String en) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(String at, String status, Label statusLabel, String note) {
    }

    /** The responsible unit by name only; it has no code here. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String nameZh, String nameEn) implements Named {
        @Override
        public String code() {
            return null;
        }
    }
}
