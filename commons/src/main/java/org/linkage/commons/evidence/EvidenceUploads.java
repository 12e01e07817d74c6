package org.linkage.commons.evidence;

import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What every service that takes evidence (the router's tickets, intake's calls) checks the same way, with the same
 * problems naming the same field: not empty, not too large, a kind recognised from the bytes, cleaned of metadata.
 * Who may upload, how many per object and where the bytes go stay with the owning service.
 */
public final class EvidenceUploads {
    /** The multipart part (and problem field) an upload comes in. */
    public static final String FIELD = "file";
    /** The kinds {@link EvidenceType} recognises, as problems name them to whoever sent something else. */
    public static final String ACCEPTED_KINDS = "JPEG, PNG or GIF images, PDF documents, MP3, M4A, WAV or AMR recordings";

    private final long maxBytes;
    private final EvidenceScrubber scrubber;

    public EvidenceUploads(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.scrubber = new EvidenceScrubber(maxPixels);
    }

    /** Refuses a file over the limit before anything reads it (a multipart upload checks the part's size first). */
    public void requireSize(long size) {
        if (size > maxBytes) {
            throw new ProblemException(413, "Attachment too large", "the file has " + size
                    + " bytes; at most " + maxBytes + " are accepted",
                    List.of(new Problem.FieldError(FIELD, "at most " + maxBytes + " bytes")),
                    Map.of("maxBytes", maxBytes));
        }
    }

    /** The kind the bytes are, after the empty and size checks; 415 naming {@code file} for anything else. */
    public EvidenceType sniff(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest(FIELD, "the file is empty");
        }
        requireSize(bytes.length);
        return EvidenceType.sniff(bytes).orElseThrow(() -> unsupported(bytes));
    }

    /** The bytes as they are kept and served: images re-encoded, recordings without tags; 422 if undecodable. */
    public byte[] scrub(EvidenceType type, byte[] bytes) {
        try {
            return scrubber.scrub(type, bytes);
        } catch (EvidenceScrubber.Unusable e) {
            throw new ProblemException(422, "Unusable file", e.getMessage(),
                    List.of(new Problem.FieldError(FIELD, e.getMessage())), Map.of("contentType", type.mediaType()));
        }
    }

    /**
     * 422 naming {@code file}: {@code object} (e.g. "ticket 12345-…") already carries {@code present} attachments,
     * {@code max} being the most one {@code kind} may have; {@code max} is under {@code extensionKey}.
     */
    public static ProblemException tooMany(String object, long present, String kind, String extensionKey, int max) {
        return new ProblemException(422, "Too many attachments", object + " already carries " + present
                + " attachments, the most one " + kind + " may have",
                List.of(new Problem.FieldError(FIELD, "at most " + max + " attachments per " + kind)),
                Map.of(extensionKey, max));
    }

    private static ProblemException unsupported(byte[] bytes) {
        String why = EvidenceType.isWebp(bytes)
                ? "WebP images cannot be cleaned of their metadata here; send JPEG or PNG"
                : "the content is not an accepted kind: " + ACCEPTED_KINDS;
        return new ProblemException(415, "Unsupported attachment", why, List.of(new Problem.FieldError(FIELD, why)), null);
    }

    /** The name shown and offered on download: no path, no control characters, and the extension of what it is. */
    public static String name(String given, EvidenceType type) {
        String n = given == null ? "" : given;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        n = n.replaceAll("\\.+$", "");
        int dot = n.lastIndexOf('.');
        if ((dot < 0 ? n : n.substring(0, dot)).replace(".", "").isBlank()) {
            // Nothing left to call it by, or only an extension (".jpg"): a plain name.
            n = "附件" + (dot < 0 ? "" : n.substring(dot));
        }
        if (n.length() > 180) {
            n = n.substring(0, 180);
        }
        return type.matchesName(n) ? n : n + "." + type.extension();
    }

    /** RFC 6266: an ASCII fallback for old clients and the real (Chinese) name in {@code filename*}. */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
