package org.linkage.bridge.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.linkage.bridge.domain.UpdateAction;

import java.time.Instant;
import java.util.List;

/** The body of a department's status webhook (docs/webhook-signing.md, section 3). */
public record DepartmentUpdate(
        @NotBlank @Size(max = 40) String ticketNumber,
        @NotNull UpdateAction action,
        @Size(max = 2000) String note,
        @Size(max = 4000) String answer,
        @Size(max = 1000) String reason,
        @Size(max = 200) String externalRef,
        Instant occurredAt,
        // on-site photos, recordings, documents: with any action; the count and sizes are InboundFiles' to check
        List<File> attachments) {

    /**
     * A file as a department system sends it: base64 in the JSON, because that is what every system that already
     * signs and posts this JSON can send, and the signature over the raw body then covers the files too. Its
     * members are checked by {@link InboundFiles}, which names them {@code attachments[i].…}.
     */
    public record File(String fileName, String contentType, byte[] content) {
    }

    public List<File> files() {
        return attachments == null ? List.of() : attachments;
    }

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
