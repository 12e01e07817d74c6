package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.privacy.Masking;
import org.linkage.commons.security.Actor;
import org.linkage.events.DepartmentRef;
import org.linkage.events.TicketAttachmentAdded;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;
import org.linkage.router.domain.Confidentiality;
import org.linkage.router.domain.NoteVisibility;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;
import org.linkage.router.repository.HistoryWriter;
import org.linkage.router.repository.TicketHistory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what happened to a ticket three ways in the caller's transaction: the ticket's own
 * append-only history, the shared audit trail, and the event intake and the bridge consume.
 */
@ApplicationScoped
public class TicketRecorder {
    public static final String ENTITY = "ticket";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final HistoryWriter histories;

    public TicketRecorder(Outbox outbox, AuditTrail audit, Clock clock, HistoryWriter histories) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.histories = histories;
    }

    /** A step that changes the status (or repeats it) and tells intake; its note is internal. */
    public void changed(Ticket t, String action, TicketStatus from, Actor actor, String note) {
        changed(t, action, from, actor, note, NoteVisibility.INTERNAL);
    }

    /** A step whose note a person marked: only a public note goes out on the event. */
    public void changed(Ticket t, String action, TicketStatus from, Actor actor, String note,
                        NoteVisibility visibility) {
        history(t, action, from, actor, note, visibility);
        statusChanged(t, from, NoteVisibility.publicText(note, visibility), null, actor);
    }

    /** A history entry and audit record only (no event), e.g. an extension request. */
    public void history(Ticket t, String action, TicketStatus from, Actor actor, String note) {
        history(t, action, from, actor, note, NoteVisibility.INTERNAL);
    }

    /**
     * A history entry and audit record of a step taken before changes already applied to {@code t}: the status the
     * step left the ticket in and the unit that led it then (a new ticket's creation, recorded after its first
     * dispatch was applied, so that the ticket is written once).
     */
    public void history(Ticket t, String action, TicketStatus from, TicketStatus to, String leadDepartmentCode,
                        Actor actor, String note) {
        history(t, action, from, to, leadDepartmentCode, actor, note, NoteVisibility.INTERNAL);
    }

    private void history(Ticket t, String action, TicketStatus from, Actor actor, String note,
                         NoteVisibility visibility) {
        history(t, action, from, t.status, t.leadDepartmentCode, actor, note, visibility);
    }

    private void history(Ticket t, String action, TicketStatus from, TicketStatus to, String lead, Actor actor,
                         String note, NoteVisibility visibility) {
        Instant now = clock.instant();
        TicketHistory h = new TicketHistory();
        h.ticketId = t.id;
        h.at = now;
        h.actor = actor.name();
        h.action = action;
        h.fromStatus = from == null ? null : from.name();
        h.toStatus = to.name();
        h.departmentCode = actor.department() != null ? actor.department() : lead;
        h.note = note;
        h.visibility = note == null ? null : visibility;
        histories.add(h);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticketNumber", t.ticketNumber);
        details.put("from", from == null ? null : from.name());
        details.put("to", to.name());
        details.put("department", lead);
        if (note != null) {
            details.put("noteVisibility", visibility.name());
        }
        audit.record(actor, ENTITY, t.id, action, note, details);
    }

    /**
     * Tells intake (and anyone else) the ticket's status. Tickets merged into this one follow it:
     * their calls get the same status, public note and answer, so every caller hears the outcome.
     *
     * @param publicNote what a caller may read, or null; the event leaves the router, so never an internal note
     */
    public void statusChanged(Ticket t, TicketStatus previous, String publicNote, String deliveryStatus, Actor actor) {
        Department lead = t.leadDepartmentCode == null ? null : Department.findById(t.leadDepartmentCode);
        publishStatus(t, t, previous, publicNote, deliveryStatus, actor, lead);
        if (t.hasMergedTickets && t.status != TicketStatus.MERGED) {
            for (Ticket merged : Ticket.<Ticket>list("masterTicketId", t.id)) {
                publishStatus(merged, t, previous, publicNote, null, actor, lead);
            }
        }
    }

    private void publishStatus(Ticket subject, Ticket source, TicketStatus previous, String note, String deliveryStatus,
                               Actor actor, Department lead) {
        TicketStatusChanged event = new TicketStatusChanged(subject.id, subject.ticketNumber, subject.callId,
                subject.referralId, source.status.name(), previous == null ? null : previous.name(),
                lead == null ? null : lead.code, lead == null ? null : lead.nameZh, source.resolveBy, note,
                source.answer, deliveryStatus != null ? deliveryStatus
                        : subject.deliveryStatus == null ? null : subject.deliveryStatus.name(), actor.name(),
                clock.instant());
        outbox.publish(event);
    }

    /**
     * The dispatch for the bridge. The unit's own system gets the caller's number and full name only when the
     * catalogue rule says the unit must call back, the same rule its agents see in the console; of a confidential
     * case it gets neither, not even masked (a masked number or surname can still give away who reported).
     */
    /**
     * @param attachments the files on the ticket now, so the bridge asks the router for their links only when there
     *                    are some (issue 14: that request and its token check were a tenth of the router's CPU)
     */
    public void dispatched(Ticket t, Department lead, List<Department> supporting, int attachments) {
        Confidentiality.Contact contact = Confidentiality.contactForDepartmentSystem(t.confidential, t.callbackRequired);
        String phone = switch (contact) {
            case FULL -> t.callerPhone;
            case MASKED -> Masking.phone(t.callerPhone);
            case NONE -> null;
        };
        String name = switch (contact) {
            case FULL -> t.callerName;
            case MASKED -> Masking.name(t.callerName);
            case NONE -> null;
        };
        TicketDispatched event = new TicketDispatched(t.id, t.ticketNumber, t.version, t.callId, t.referralId,
                t.categoryCode, t.urgency.name(), t.content, t.address, t.districtCode, t.latitude, t.longitude,
                phone, name, ref(lead), supporting.stream().map(TicketRecorder::ref).toList(),
                t.signBy, t.resolveBy, t.dispatchedAt, t.retrievalCode, t.confidential, CategoryQuestionService.answers(t),
                attachments);
        outbox.publish(event);
    }

    /**
     * A file added to a dispatched ticket, for the units' systems (through the bridge). Before the first dispatch
     * there is nobody to tell: the dispatch counts the files instead ({@link #dispatched}).
     */
    public void attachmentAdded(Ticket t, TicketAttachment a) {
        if (t.dispatchedAt == null) {
            return;
        }
        outbox.publish(new TicketAttachmentAdded(t.id, t.ticketNumber, a.id, a.fileName, a.contentType, a.sizeBytes,
                a.sha256, t.leadDepartmentCode, a.departmentCode, a.uploadedAt));
    }

    static DepartmentRef ref(Department d) {
        return new DepartmentRef(d.code, d.nameZh, d.nameEn, d.adapter, d.endpointUrl);
    }
}
