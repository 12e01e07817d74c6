package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.evidence.EvidenceType;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.intake.config.CallAttachmentConfig;
import org.linkage.intake.repository.CallAttachment;
import org.linkage.intake.repository.CallAttachmentRepository;
import org.linkage.intake.repository.CallEntity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evidence on calls. Whoever may see a call ({@link CallAccess}: its call-taker or officer, supervisors and admins)
 * reads what it carries; call-takers and officers may add to their own calls (the resource's roles); anyone else
 * gets the same 404 as for the call. The sniffing, cleaning and limits are the router's ({@link EvidenceUploads}),
 * so a file 110 took is one 12345 takes too. Every upload and download is on the call's audit trail.
 */
@ApplicationScoped
public class CallAttachments {
    public static final String UPLOADED = "ATTACHMENT_UPLOADED";
    public static final String DOWNLOADED = "ATTACHMENT_DOWNLOADED";
    public static final String FORWARDED = "ATTACHMENT_FORWARDED";

    private final CallAccess access;
    private final CallAttachmentRepository attachments;
    private final AuditTrail audit;
    private final CallAttachmentConfig config;
    private final EvidenceUploads uploads;
    private final Clock clock;

    public CallAttachments(CallAccess access, CallAttachmentRepository attachments, AuditTrail audit,
                           CallAttachmentConfig config, Clock clock) {
        this.access = access;
        this.attachments = attachments;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.uploads = new EvidenceUploads(config.maxBytes(), config.maxPixels());
    }

    /** A stored attachment with the call number it belongs to. */
    public record Stored(CallAttachment attachment, String callNumber) {
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    public void requireSize(long size) {
        uploads.requireSize(size);
    }

    @Transactional
    public Stored upload(UUID callId, Actor actor, String fileName, byte[] bytes) {
        EvidenceType type = uploads.sniff(bytes);
        // The row lock makes the count below hold against a parallel upload to the same call.
        CallEntity call = access.visibleLocked(callId, actor);
        long present = attachments.countOf(call.id);
        if (present >= config.maxPerCall()) {
            throw EvidenceUploads.tooMany("call " + call.callNumber, present, "call", "maxPerCall", config.maxPerCall());
        }
        byte[] clean = uploads.scrub(type, bytes);
        CallAttachment a = new CallAttachment();
        a.id = UUID.randomUUID();
        a.callId = call.id;
        a.fileName = EvidenceUploads.name(fileName, type);
        a.contentType = type.mediaType();
        a.sizeBytes = clean.length;
        a.sha256 = EvidenceUploads.sha256(clean);
        a.uploadedBy = actor.name();
        a.uploadedAt = clock.instant();
        attachments.persist(a);
        attachments.putContent(a.id, clean);
        Map<String, Object> details = details(a);
        details.put("receivedBytes", bytes.length);
        audit.record(actor, AuditActions.CALL, call.id, UPLOADED, null, details);
        return new Stored(a, call.callNumber);
    }

    @Transactional
    public List<Stored> list(UUID callId, Actor actor) {
        CallEntity call = access.visible(callId, actor);
        return attachments.ofCall(call.id).stream().map(a -> new Stored(a, call.callNumber)).toList();
    }

    @Transactional
    public Download download(UUID callId, UUID id, Actor actor) {
        CallEntity call = access.visible(callId, actor);
        CallAttachment a = attachments.findByIdOptional(id).filter(found -> found.callId.equals(call.id))
                .orElseThrow(() -> ProblemException.notFound("No attachment " + id + " on call " + call.callNumber
                        + ". / 该来电无此附件。"));
        byte[] content = attachments.content(a.id).orElseThrow(() -> new IllegalStateException("attachment " + a.id
                + " has no content"));
        audit.record(actor, AuditActions.CALL, call.id, DOWNLOADED, null, details(a));
        return new Download(a.fileName, a.contentType, content);
    }

    static Map<String, Object> details(CallAttachment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("attachmentId", a.id.toString());
        d.put("fileName", a.fileName);
        d.put("contentType", a.contentType);
        d.put("sizeBytes", a.sizeBytes);
        d.put("sha256", a.sha256);
        return d;
    }

    Instant now() {
        return clock.instant();
    }
}
