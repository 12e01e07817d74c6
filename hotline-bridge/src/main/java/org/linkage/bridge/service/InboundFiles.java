package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.client.RouterApi;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.commons.evidence.EvidenceType;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the bridge checks of a department system's files before the router sees them: how many, how large, and that
 * the declared type is one the hotline keeps. Cheap checks only, so a wrong post is answered before the router is
 * called; the router then checks the bytes themselves (sniffing, cleaning, its per-ticket limit) as for any upload.
 */
@ApplicationScoped
public class InboundFiles {
    /** The kinds the router keeps, plus the spellings department systems commonly send for them. */
    static final Set<String> DECLARED_TYPES = java.util.stream.Stream.concat(
            Arrays.stream(EvidenceType.values()).map(EvidenceType::mediaType),
            java.util.stream.Stream.of("image/jpg", "image/pjpeg", "audio/mp3", "audio/x-wav", "audio/x-m4a", "audio/m4a"))
            .collect(Collectors.toUnmodifiableSet());

    private final BridgeConfig.InboundFiles limits;

    public InboundFiles(BridgeConfig config) {
        this.limits = config.inboundFiles();
    }

    /** The update's files as the router takes them; a problem names the file and member at fault. */
    public List<RouterApi.File> checked(List<DepartmentUpdate.File> files) {
        if (files.size() > limits.maxCount()) {
            throw new ProblemException(422, "Too many attachments", "an update carries at most " + limits.maxCount()
                    + " files; this one has " + files.size() + ". Send the others with a later update.",
                    List.of(new Problem.FieldError("attachments", "at most " + limits.maxCount() + " files per update")),
                    Map.of("maxCount", limits.maxCount()));
        }
        long total = 0;
        List<RouterApi.File> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            DepartmentUpdate.File f = files.get(i);
            String at = "attachments[" + i + "]";
            if (f == null) {
                throw ProblemException.badRequest(at, "a file object is required");
            }
            if (f.fileName() != null && f.fileName().length() > 200) {
                throw ProblemException.badRequest(at + ".fileName", "at most 200 characters");
            }
            if (f.contentType() == null || f.contentType().isBlank()) {
                throw ProblemException.badRequest(at + ".contentType", "the file's media type is required, e.g. image/jpeg");
            }
            if (f.content() == null) {
                throw ProblemException.badRequest(at + ".content", "the file's bytes are required, base64");
            }
            String declared = f.contentType().toLowerCase(Locale.ROOT).replaceAll(";.*", "").strip();
            if (!DECLARED_TYPES.contains(declared)) {
                String field = at + ".contentType";
                String why = EvidenceUploads.ACCEPTED_KINDS + " are accepted, not " + declared;
                throw new ProblemException(415, "Unsupported attachment", field + ": " + why,
                        List.of(new Problem.FieldError(field, why)), null);
            }
            String content = at + ".content";
            if (f.content().length == 0) {
                throw ProblemException.badRequest(content, "the file is empty");
            }
            if (f.content().length > limits.maxFileBytes()) {
                throw tooLarge(content, "the file has " + f.content().length + " bytes; at most " + limits.maxFileBytes()
                        + " are accepted", limits.maxFileBytes());
            }
            total += f.content().length;
            out.add(new RouterApi.File(f.fileName(), declared, f.content()));
        }
        if (total > limits.maxTotalBytes()) {
            throw tooLarge("attachments", "the files have " + total + " bytes together; at most " + limits.maxTotalBytes()
                    + " per update. Send the others with a later update.", limits.maxTotalBytes());
        }
        return out;
    }

    private static ProblemException tooLarge(String field, String message, long max) {
        return new ProblemException(413, "Attachment too large", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of("maxBytes", max));
    }
}
