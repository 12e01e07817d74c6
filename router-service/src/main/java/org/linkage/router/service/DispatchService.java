package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.router.domain.UnitRole;
import org.linkage.commons.privacy.CallerHash;
import org.linkage.commons.security.Actor;
import org.linkage.router.domain.Confidentiality;
import org.linkage.router.domain.Deadlines;
import org.linkage.router.domain.DispatchPolicy;
import org.linkage.router.domain.TicketAction;
import org.linkage.router.domain.TicketLifecycle;
import org.linkage.router.domain.TicketStatus;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;
import org.linkage.router.repository.TicketUnit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates tickets and sends them to units by the dispatch catalogue. */
@ApplicationScoped
public class DispatchService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DispatchService.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final EntityManager em;
    private final Clock clock;
    private final CalendarService calendars;
    private final DistrictResolver districts;
    private final TicketRecorder recorder;
    private final SupervisionService supervision;
    private final DuplicateService duplicates;
    private final Deadlines deadlines;
    private final ReceiptService receipts;
    private final CallerHash callerHash;

    public DispatchService(EntityManager em, Clock clock, CalendarService calendars, DistrictResolver districts,
                           TicketRecorder recorder, SupervisionService supervision, DuplicateService duplicates,
                           Deadlines deadlines, ReceiptService receipts, CallerHash callerHash) {
        this.em = em;
        this.callerHash = callerHash;
        this.receipts = receipts;
        this.clock = clock;
        this.calendars = calendars;
        this.districts = districts;
        this.recorder = recorder;
        this.supervision = supervision;
        this.duplicates = duplicates;
        this.deadlines = deadlines;
    }

    /**
     * A new ticket, dispatched at once when the catalogue and the district name a unit; otherwise
     * left in the dispatchers' manual queue (PENDING_DISPATCH) with the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket create(TicketDraft draft, Actor actor) {
        return create(draft, actor, true);
    }

    /** @param dispatchNow false keeps the ticket out of dispatch (e.g. a police matter about to go back to 110) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket create(TicketDraft draft, Actor actor, boolean dispatchNow) {
        Instant now = clock.instant();
        DispatchRule rule = DispatchRule.applyingTo(draft.categoryCode());
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.ticketNumber = nextNumber(now);
        t.referralId = draft.referralId();
        t.callId = draft.callId();
        t.callNumber = draft.callNumber();
        t.channel = draft.channel();
        t.categoryCode = draft.categoryCode();
        t.urgency = Urgency.mostUrgent(draft.urgency(), rule.defaultUrgency);
        t.content = draft.content();
        t.address = draft.address();
        t.latitude = draft.latitude();
        t.longitude = draft.longitude();
        t.callerPhone = draft.callerPhone();
        t.callerName = draft.callerName();
        t.email = draft.email();
        // Intake's hash when the referral carries one; else the same HMAC here (same key), e.g. for a request that
        // reached 12345 directly, so those contacts are in the caller's history too.
        t.callerHash = draft.callerHash() != null ? draft.callerHash()
                : draft.callerPhone() == null ? null : callerHash.of(draft.callerPhone()).orElse(null);
        t.retrievalCode = draft.retrievalCode();
        t.receiptsOptOut = draft.receiptsOptOut();
        t.confidential = draft.confidential();
        t.attributes = CategoryQuestionService.toJson(draft.attributes());
        t.callerMediaUrl = draft.callerMediaUrl();
        t.receivedAt = draft.receivedAt() != null ? draft.receivedAt() : now;
        t.createdAt = now;
        t.districtCode = districts.resolve(draft.districtCode(), draft.address(), draft.latitude(), draft.longitude()).orElse(null);
        t.ruleId = rule.id;
        t.callbackRequired = rule.callbackRequired;
        t.status = TicketStatus.PENDING_DISPATCH;

        Optional<Department> lead = dispatchNow ? leadFor(rule, t.districtCode) : Optional.empty();
        if (!dispatchNow) {
            t.pendingReason = "not for dispatch: " + t.categoryCode + " is a police matter";
        } else if (lead.isEmpty()) {
            t.pendingReason = t.districtCode == null
                    ? "district not resolved from code or address; the rule needs the district's " + rule.leadFunction + " unit"
                    : "no active lead unit for rule " + rule.categoryCode + " v" + rule.version;
        }
        // Everything the new ticket holds is decided before it is persisted, so it is inserted once, in its final
        // state, and never updated in the same transaction: the duplicate check reads other tickets only, and the
        // first dispatch is applied to the ticket before its history is written.
        duplicates.flag(t);
        if (lead.isEmpty()) {
            t.persist();
            recorder.changed(t, "CREATE", null, actor, t.pendingReason + (t.confidential ? " · " + Confidentiality.NOTICE_ZH : ""));
            recordMediaLink(t, TicketStatus.PENDING_DISPATCH, null, actor);
        } else {
            Dispatch d = apply(t, rule, lead.get(), TicketAction.DISPATCH);
            t.persist();
            addUnits(t, d);
            recorder.history(t, "CREATE", null, TicketStatus.PENDING_DISPATCH, null, actor,
                    "from " + t.channel + (t.confidential ? " · " + Confidentiality.NOTICE_ZH : ""));
            recordMediaLink(t, TicketStatus.PENDING_DISPATCH, null, actor);
            // made in this transaction: no file can be on it yet, so none is counted
            record(t, rule, d, actor, null, 0);
        }
        if (dispatchNow) {
            receipts.created(t);
        }
        return t;
    }

    /**
     * The caller's photo link on the ticket's history and audit trail, right after its creation: who brought it and
     * when. The note names only the host (the link is on the ticket) and is internal, so it never leaves the router.
     */
    private void recordMediaLink(Ticket t, TicketStatus status, String lead, Actor actor) {
        if (t.callerMediaUrl != null) {
            recorder.history(t, "CALLER_MEDIA_LINK", status, status, lead, actor,
                    "来电人照片链接(未下载,点击后由浏览器打开) / caller's photo link kept, not fetched: "
                            + java.net.URI.create(t.callerMediaUrl).getHost());
        }
    }

    /** What a dispatch changed: the status it left, the lead and supporting units, the action, whether it was the first. */
    private record Dispatch(TicketStatus from, Department lead, List<Department> supporting, TicketAction action,
                            boolean first) {
    }

    /**
     * Sends the ticket to {@code lead} under {@code rule}: version + 1, fresh deadlines and return
     * window, new unit list, and a TicketDispatched for the bridge. Used for the first dispatch, a
     * manual assignment from the queue, and a re-dispatch after a return.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatch(Ticket t, DispatchRule rule, Department lead, TicketAction action, Actor actor, String note) {
        Dispatch d = apply(t, rule, lead, action);
        // One statement for the units the ticket had (none before its first dispatch); it runs at once, before the
        // new units' inserts, which wait for the flush.
        if (!d.first()) {
            TicketUnit.delete("ticketId", t.id);
        }
        addUnits(t, d);
        record(t, rule, d, actor, note, (int) TicketAttachment.countOf(t.id));
    }

    /** The dispatch's changes to the ticket itself: status, version, deadlines, lead, next supervision step. */
    private Dispatch apply(Ticket t, DispatchRule rule, Department lead, TicketAction action) {
        TicketStatus from = t.status;
        boolean first = t.version == 0;
        TicketStatus to = TicketLifecycle.next(from, action);
        Instant now = clock.instant();
        Deadlines.OnDispatch due = deadlines.onDispatch(now, t.urgency, rule.signTimeLimit(), rule.resolveTimeLimit(),
                calendars.current());
        t.status = to;
        t.version++;
        t.ruleId = rule.id;
        t.callbackRequired = rule.callbackRequired;
        t.leadDepartmentCode = lead.code;
        t.pendingReason = null;
        t.dispatchedAt = now;
        t.signedAt = null;
        t.deliveryStatus = null;
        t.signBy = due.signBy();
        t.resolveBy = due.resolveBy();
        t.returnBy = due.returnBy();
        List<Department> supporting = supportingFor(rule, t.districtCode, lead.code);
        // Never dispatched before, so no supervision step can have been taken on it
        supervision.reschedule(t, first);
        return new Dispatch(from, lead, supporting, action, first);
    }

    private void record(Ticket t, DispatchRule rule, Dispatch d, Actor actor, String note, int attachments) {
        recorder.changed(t, d.action().name(), d.from(), actor, note != null ? note
                : "to " + d.lead().code + " " + d.lead().nameZh + " (rule " + rule.categoryCode + " v" + rule.version + ")");
        recorder.dispatched(t, d.lead(), d.supporting(), attachments);
    }

    /**
     * Sends the ticket again to the units it already has, as a new version: a reopened ticket must reach the unit's
     * own system, not only its console, or the unit never hears that the caller was unsatisfied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeliver(Ticket t) {
        t.version++;
        t.deliveryStatus = null;
        Department lead = null;
        List<Department> supporting = new java.util.ArrayList<>();
        for (TicketUnit u : TicketUnit.of(t.id)) {
            Department d = Department.findById(u.departmentCode);
            if (u.role == UnitRole.LEAD) {
                lead = d;
            } else if (d != null) {
                supporting.add(d);
            }
        }
        if (lead == null) {
            // a ticket that reached CALLED_BACK always had a lead; without one there is no system to send to, and the
            // reopen itself (console, deadline, supervision) must still stand
            LOG.warnf("reopened ticket %s has no lead unit on record; not sent to any department system", t.ticketNumber);
            return;
        }
        recorder.dispatched(t, lead, supporting, (int) TicketAttachment.countOf(t.id));
    }

    /** The rule's lead unit for a ticket in {@code districtCode}, if it exists and is active. */
    public Optional<Department> leadFor(DispatchRule rule, String districtCode) {
        return DispatchPolicy.leadCode(rule.routing(), districtCode).flatMap(DispatchService::active);
    }

    private List<Department> supportingFor(DispatchRule rule, String districtCode, String leadCode) {
        List<Department> found = new ArrayList<>();
        for (String code : DispatchPolicy.supportingCodes(rule.routing(), districtCode, leadCode)) {
            active(code).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Department> active(String code) {
        return Optional.ofNullable(Department.<Department>findById(code)).filter(d -> d.active);
    }

    private static void addUnits(Ticket t, Dispatch d) {
        unit(t, d.lead().code, UnitRole.LEAD);
        for (Department s : d.supporting()) {
            unit(t, s.code, UnitRole.SUPPORTING);
        }
    }

    private static void unit(Ticket t, String code, UnitRole role) {
        TicketUnit u = new TicketUnit();
        u.ticketId = t.id;
        u.departmentCode = code;
        u.role = role;
        u.persist();
    }

    private String nextNumber(Instant now) {
        long n = ((Number) em.createNativeQuery("select nextval('ticket_number_seq')").getSingleResult()).longValue();
        return "12345-" + LocalDate.ofInstant(now, calendars.zone()).format(DAY) + "-" + String.format("%06d", n);
    }
}
