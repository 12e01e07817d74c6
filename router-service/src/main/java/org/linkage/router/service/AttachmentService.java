package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.AttachmentConfig;
import org.linkage.router.domain.AttachmentStore;
import org.linkage.router.domain.EvidenceScrubber;
import org.linkage.router.domain.EvidenceType;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence on tickets. Whoever may read a ticket (its lead and supporting units' agents, dispatchers, supervisors;
 * {@link TicketAccess}) may add to it and read what it carries; anyone else gets the same 404 as for the ticket.
 * Every upload and every download is on the audit trail; an upload is on the ticket's history too.
 */
@ApplicationScoped
public class AttachmentService {
    public static final String ENTITY = "ticket_attachment";
    public static final String FIELD = "file";

    private final TicketAccess access;
    private final TicketRecorder recorder;
    private final AttachmentStore store;
    private final AuditTrail audit;
    private final AttachmentConfig config;
    private final EvidenceScrubber scrubber;
    private final Clock clock;

    public AttachmentService(TicketAccess access, TicketRecorder recorder, AttachmentStore store, AuditTrail audit,
                             AttachmentConfig config, Clock clock) {
        this.access = access;
        this.recorder = recorder;
        this.store = store;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.scrubber = new EvidenceScrubber(config.maxPixels());
    }

    public record View(UUID id, String ticketNumber, String fileName, String contentType, long sizeBytes, String sha256,
                       String departmentCode, String uploadedBy, Instant uploadedAt, String href) {
        static View of(TicketAttachment a, Ticket t) {
            return new View(a.id, t.ticketNumber, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.departmentCode,
                    a.uploadedBy, a.uploadedAt, "/api/tickets/" + t.ticketNumber + "/attachments/" + a.id);
        }
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Transactional
    public View upload(String ref, Actor actor, String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest(FIELD, "the file is empty");
        }
        requireSize(bytes.length);
        EvidenceType type = EvidenceType.sniff(bytes).orElseThrow(() -> unsupported(bytes));
        // The row lock makes the count below hold against a parallel upload to the same ticket.
        Ticket t = access.write(ref, actor);
        if (t.status.isFinal()) {
            throw ProblemException.conflict("ticket " + t.ticketNumber + " is " + t.status + " and takes no more attachments",
                    Map.of("status", t.status.name()));
        }
        long present = TicketAttachment.countOf(t.id);
        if (present >= config.maxPerTicket()) {
            throw new ProblemException(422, "Too many attachments", "ticket " + t.ticketNumber + " already carries "
                    + present + " attachments, the most one ticket may have",
                    List.of(new Problem.FieldError(FIELD, "at most " + config.maxPerTicket() + " attachments per ticket")),
                    Map.of("maxPerTicket", config.maxPerTicket()));
        }
        byte[] clean;
        try {
            clean = scrubber.scrub(type, bytes);
        } catch (EvidenceScrubber.Unusable e) {
            throw new ProblemException(422, "Unusable file", e.getMessage(),
                    List.of(new Problem.FieldError(FIELD, e.getMessage())), Map.of("contentType", type.mediaType()));
        }
        TicketAttachment a = new TicketAttachment();
        a.id = UUID.randomUUID();
        a.ticketId = t.id;
        a.fileName = name(fileName, type);
        a.contentType = type.mediaType();
        a.sizeBytes = clean.length;
        a.sha256 = sha256(clean);
        a.departmentCode = TicketAccess.unitOf(actor).orElse(null);
        a.uploadedBy = actor.name();
        a.uploadedAt = clock.instant();
        a.persist();
        store.put(a.id, clean);
        recorder.history(t, "ATTACHMENT", t.status, actor, a.fileName);
        audit.record(actor, ENTITY, a.id, "ATTACHMENT_UPLOADED", null, details(a, t, bytes.length));
        return View.of(a, t);
    }

    /** Refuses a file over the limit before anything reads it (a multipart upload checks the part's size first). */
    public void requireSize(long size) {
        if (size > config.maxBytes()) {
            throw new ProblemException(413, "Attachment too large", "the file has " + size
                    + " bytes; at most " + config.maxBytes() + " are accepted",
                    List.of(new Problem.FieldError(FIELD, "at most " + config.maxBytes() + " bytes")),
                    Map.of("maxBytes", config.maxBytes()));
        }
    }

    @Transactional
    public List<View> list(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        return TicketAttachment.of(t.id).stream().map(a -> View.of(a, t)).toList();
    }

    @Transactional
    public Download download(String ref, UUID id, Actor actor) {
        Ticket t = access.read(ref, actor);
        TicketAttachment a = TicketAttachment.findById(id);
        if (a == null || !a.ticketId.equals(t.id)) {
            throw ProblemException.notFound("no attachment " + id + " on ticket " + t.ticketNumber);
        }
        byte[] content = store.get(a.id).orElseThrow(() -> new IllegalStateException("attachment " + a.id
                + " has no content in the store"));
        audit.record(actor, ENTITY, a.id, "ATTACHMENT_DOWNLOADED", null, details(a, t, null));
        return new Download(a.fileName, a.contentType, content);
    }

    /**
     * The catalogue rule the ticket was dispatched under may require evidence with the reply: then the lead unit
     * must have attached something before it answers (a dispatcher's or another unit's file does not count).
     */
    public void requireEvidenceForReply(Ticket t) {
        boolean required = Optional.ofNullable(t.ruleId).map(id -> DispatchRule.<DispatchRule>findById(id))
                .map(r -> r.attachmentRequired).orElse(false);
        if (required && (t.leadDepartmentCode == null || !TicketAttachment.anyByUnit(t.id, t.leadDepartmentCode))) {
            throw new ProblemException(422, "Attachment required", "the catalogue rule for " + t.categoryCode
                    + " requires the lead unit to attach evidence (a photo, recording or document) before replying",
                    List.of(new Problem.FieldError("attachments", "the lead unit " + t.leadDepartmentCode
                            + " must attach at least one file before replying")),
                    Map.of("ticketNumber", t.ticketNumber));
        }
    }

    private static ProblemException unsupported(byte[] bytes) {
        String why = EvidenceType.isWebp(bytes)
                ? "WebP images cannot be cleaned of their metadata here; send JPEG or PNG"
                : "the content is not an accepted kind: JPEG, PNG or GIF images, PDF documents, MP3, M4A, WAV or AMR recordings";
        return new ProblemException(415, "Unsupported attachment", why, List.of(new Problem.FieldError(FIELD, why)), null);
    }

    /** The name shown and offered on download: no path, no control characters, and the extension of what it is. */
    static String name(String given, EvidenceType type) {
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

    private static Map<String, Object> details(TicketAttachment a, Ticket t, Integer receivedBytes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ticketNumber", t.ticketNumber);
        d.put("fileName", a.fileName);
        d.put("contentType", a.contentType);
        d.put("sizeBytes", a.sizeBytes);
        d.put("sha256", a.sha256);
        if (receivedBytes != null) {
            d.put("receivedBytes", receivedBytes);
        }
        return d;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
