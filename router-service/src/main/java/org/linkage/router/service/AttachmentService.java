package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.AttachmentConfig;
import org.linkage.router.domain.AttachmentStore;
import org.linkage.commons.evidence.EvidenceType;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.evidence.SignedLinks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence on tickets. Whoever may read a ticket (its lead and supporting units' agents, dispatchers, supervisors;
 * {@link TicketAccess}) may add to it and read what it carries; anyone else gets the same 404 as for the ticket.
 * Every upload and every download is on the audit trail; an upload is on the ticket's history too, and once the ticket
 * is dispatched it is announced to the units' systems ({@code TicketAttachmentAdded}).
 */
@ApplicationScoped
public class AttachmentService {
    public static final String ENTITY = "ticket_attachment";
    public static final String FIELD = EvidenceUploads.FIELD;

    private final TicketAccess access;
    private final TicketRecorder recorder;
    private final AttachmentStore store;
    private final AuditTrail audit;
    private final AttachmentConfig config;
    private final EvidenceUploads uploads;
    private final Clock clock;

    private final SignedLinks links;
    private final java.time.Duration linkValidity;
    private final String linkBase;

    public AttachmentService(TicketAccess access, TicketRecorder recorder, AttachmentStore store, AuditTrail audit,
                             AttachmentConfig config, Clock clock, SignedLinks links,
                             @ConfigProperty(name = "linkage.attachment-links.valid-for", defaultValue = "P7D")
                             java.time.Duration linkValidity,
                             @ConfigProperty(name = "linkage.attachment-links.base-url") String linkBase) {
        this.links = links;
        this.linkValidity = linkValidity;
        this.linkBase = linkBase.replaceAll("/+$", "");
        this.access = access;
        this.recorder = recorder;
        this.store = store;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.uploads = new EvidenceUploads(config.maxBytes(), config.maxPixels());
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
        EvidenceType type = uploads.sniff(bytes);
        // The row lock makes the count in attach() hold against a parallel upload to the same ticket.
        Ticket t = access.write(ref, actor);
        TicketAttachment a = attach(t, actor, UUID.randomUUID(), TicketAccess.unitOf(actor).orElse(null), actor.name(),
                fileName, type, bytes, Map.of());
        return View.of(a, t);
    }

    /**
     * Every way a file reaches a ticket ends here: a final ticket takes none, the count per ticket holds, the bytes
     * are cleaned, and the file is on the ticket's history and the audit trail.
     */
    private TicketAttachment attach(Ticket t, Actor actor, UUID id, String departmentCode, String uploadedBy,
                                   String fileName, EvidenceType type, byte[] bytes, Map<String, Object> extraDetails) {
        if (t.status.isFinal()) {
            throw ProblemException.conflict("ticket " + t.ticketNumber + " is " + t.status + " and takes no more attachments",
                    Map.of("status", t.status.name()));
        }
        long present = TicketAttachment.countOf(t.id);
        if (present >= config.maxPerTicket()) {
            throw EvidenceUploads.tooMany("ticket " + t.ticketNumber, present, "ticket", "maxPerTicket",
                    config.maxPerTicket());
        }
        byte[] clean = uploads.scrub(type, bytes);
        TicketAttachment a = new TicketAttachment();
        a.id = id;
        a.ticketId = t.id;
        a.fileName = EvidenceUploads.name(fileName, type);
        a.contentType = type.mediaType();
        a.sizeBytes = clean.length;
        a.sha256 = EvidenceUploads.sha256(clean);
        a.departmentCode = departmentCode;
        a.uploadedBy = uploadedBy;
        a.uploadedAt = clock.instant();
        a.persist();
        store.put(a.id, clean);
        recorder.history(t, "ATTACHMENT", t.status, actor, a.fileName);
        recorder.attachmentAdded(t, a);
        Map<String, Object> d = details(a, t, bytes.length);
        d.putAll(extraDetails);
        audit.record(actor, ENTITY, a.id, "ATTACHMENT_UPLOADED", null, d);
        return a;
    }

    /**
     * A referred call's file, put onto its ticket by intake's service account (role service:intake): only onto the
     * ticket the given call became, under intake's own id, so intake sending it again (its answer lost) finds it
     * there instead of storing it twice. Shown as uploaded by 110 and its call-taker; the same checks as any upload.
     */
    @Transactional
    public View takeFromCall(String ref, Actor actor, UUID callId, UUID sourceId, String uploadedBy, String fileName,
                             byte[] bytes) {
        if (callId == null) {
            throw ProblemException.badRequest("callId", "the call the file belongs to is required");
        }
        if (sourceId == null) {
            throw ProblemException.badRequest("sourceId", "intake's id of the attachment is required");
        }
        EvidenceType type = uploads.sniff(bytes);
        Ticket t = access.write(ref, actor);
        if (!callId.equals(t.callId)) {
            // Intake may add to the tickets its own calls became, nothing else; any other looks absent.
            throw ProblemException.notFound("no ticket " + ref + " for call " + callId);
        }
        TicketAttachment existing = TicketAttachment.findById(sourceId);
        if (existing != null) {
            if (!existing.ticketId.equals(t.id)) {
                throw ProblemException.conflict("attachment " + sourceId + " is on another ticket", Map.of());
            }
            return View.of(existing, t);
        }
        String by = ("110 " + (uploadedBy == null || uploadedBy.isBlank() ? "" : uploadedBy.strip()))
                .replaceAll("\\p{Cntrl}", "");
        by = (by.length() > 200 ? by.substring(0, 200) : by).strip();
        // Cleaned again in attach(): the router serves only what it has checked itself, whoever sent it.
        TicketAttachment a = attach(t, actor, sourceId, null, by, fileName, type, bytes,
                Map.of("callId", callId.toString()));
        return View.of(a, t);
    }

    /** A file as a department system sent it through the bridge: its name and bytes (the declared type is not kept). */
    public record Incoming(String fileName, byte[] content) {
    }

    /**
     * The files a department system sent with its update (through the bridge), put on the ticket under the unit the
     * actor acts for, with the same checks as an upload in the console. Runs in the caller's transaction (the update's),
     * so a refused update keeps none of them and its idempotency key covers them. A problem names the file it is about
     * ({@code attachments[i].content}); nothing is stored unless every file is accepted.
     */
    @Transactional
    public List<View> fromDepartmentSystem(String ref, Actor actor, List<Incoming> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<EvidenceType> types = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = files.get(i).content();
            types.add(about(i, () -> uploads.sniff(bytes)));
        }
        Ticket t = access.write(ref, actor);
        String unit = TicketAccess.unitOf(actor).orElse(null);
        String by = (unit == null ? "" : unit + " ") + "部门系统 / department system";
        List<View> views = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Incoming f = files.get(i);
            EvidenceType type = types.get(i);
            int index = i;
            TicketAttachment a = about(i, () -> attach(t, actor, UUID.randomUUID(), unit, by, f.fileName(), type,
                    f.content(), Map.of("via", "department-system", "index", index)));
            views.add(View.of(a, t));
        }
        return views;
    }

    /** Runs one file's check, its problem naming that file of the update instead of the console's {@code file} part. */
    private static <T> T about(int index, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ProblemException e) {
            if (e.errors().stream().noneMatch(err -> FIELD.equals(err.field()))) {
                throw e; // about the ticket (closed, not yours), not the file
            }
            String field = "attachments[" + index + "].content";
            List<Problem.FieldError> errors = e.errors().stream().map(err -> FIELD.equals(err.field())
                    ? new Problem.FieldError(field, err.message()) : err).toList();
            throw new ProblemException(e.status(), e.title(), field + ": " + e.getMessage(), errors, e.extensions());
        }
    }

    /** Refuses a file over the limit before anything reads it (a multipart upload checks the part's size first). */
    public void requireSize(long size) {
        uploads.requireSize(size);
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

    /** An attachment's expiring link, for someone with no account here (a department system, an Open311 client). */
    public record Link(UUID id, String fileName, String contentType, long sizeBytes, String url, Instant expiresAt) {
    }

    /** Signed links to every attachment of the ticket, valid for {@code linkage.attachment-links.valid-for}. */
    @Transactional
    public List<Link> links(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        Instant now = clock.instant();
        return TicketAttachment.of(t.id).stream().map(a -> {
            SignedLinks.Signed s = links.sign(a.id, now, linkValidity);
            return new Link(a.id, a.fileName, a.contentType, a.sizeBytes,
                    linkBase + "/links/attachments/" + a.id + "?" + s.query(), Instant.ofEpochSecond(s.expires()));
        }).toList();
    }

    /** The file a signed link opens: 403 once it expired or when the signature does not match, 404 if gone. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Download downloadByLink(UUID id, long expires, String signature) {
        SignedLinks.Check check = links.check(id, expires, signature, clock.instant());
        if (check != SignedLinks.Check.VALID) {
            audit.record(Actor.system("signed-link"), ENTITY, id, "ATTACHMENT_LINK_REFUSED", check.name(), Map.of());
            throw ProblemException.forbidden(check == SignedLinks.Check.EXPIRED
                    ? "this link expired at " + Instant.ofEpochSecond(expires) + " / 链接已过期"
                    : "this link is not valid / 链接无效");
        }
        TicketAttachment a = TicketAttachment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("no attachment " + id);
        }
        Ticket t = Ticket.findById(a.ticketId);
        byte[] content = store.get(a.id).orElseThrow(() -> new IllegalStateException("attachment " + a.id
                + " has no content in the store"));
        Map<String, Object> d = details(a, t, null);
        d.put("expires", Instant.ofEpochSecond(expires).toString());
        audit.record(Actor.system("signed-link"), ENTITY, a.id, "ATTACHMENT_LINK_DOWNLOADED", null, d);
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
}
