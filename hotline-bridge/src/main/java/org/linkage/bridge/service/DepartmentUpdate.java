package org.linkage.bridge.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.linkage.bridge.domain.UpdateAction;

import java.time.Instant;

/** The body of a department's status webhook (docs/webhook-signing.md, section 3). */
public record DepartmentUpdate(
        @NotBlank @Size(max = 40) String ticketNumber,
        @NotNull UpdateAction action,
        @Size(max = 2000) String note,
        @Size(max = 4000) String answer,
        @Size(max = 1000) String reason,
        @Size(max = 200) String externalRef,
        Instant occurredAt) {

    /** The text the action needs (note, answer or reason), or null when it has it. */
    public String missingField() {
        String field = action.requiredField();
        if (field == null) {
            return null;
        }
        String value = switch (field) {
            case "note" -> note;
            case "answer" -> answer;
            default -> reason;
        };
        return value == null || value.isBlank() ? field : null;
    }
}
