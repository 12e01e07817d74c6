package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.router.domain.ExtensionStatus;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.router.domain.ClockRequestKind;
import org.linkage.router.domain.ClockRequestStatus;
import org.linkage.router.domain.Deadlines;
import org.linkage.router.domain.IllegalTransitionException;
import org.linkage.router.domain.NoteVisibility;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.domain.TicketAction;
import org.linkage.router.domain.TicketLifecycle;
import org.linkage.router.domain.TerminatedCallBack;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.ClockRequest;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.ExtensionRequest;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The people's side of the lifecycle: every action checks the state machine, then records itself. */
@ApplicationScoped
public class TicketService {
    private final TicketAccess access;
    private final TicketRecorder recorder;
    private final DispatchService dispatch;
    private final SupervisionService supervision;
    private final CalendarService calendars;
    private final Outbox outbox;
    private final Clock clock;
    private final Deadlines deadlines;
    private final ReceiptService receipts;
    private final AttachmentService attachments;

    public TicketService(TicketAccess access, TicketRecorder recorder, DispatchService dispatch,
                         SupervisionService supervision, CalendarService calendars, Outbox outbox, Clock clock,
                         Deadlines deadlines, ReceiptService receipts, AttachmentService attachments) {
        this.attachments = attachments;
        this.receipts = receipts;
        this.access = access;
        this.recorder = recorder;
        this.dispatch = dispatch;
        this.supervision = supervision;
        this.calendars = calendars;
        this.outbox = outbox;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @Transactional
    public Ticket sign(String ref, Actor actor, String note) {
        return sign(ref, actor, note, null);
    }

    @Transactional
    public Ticket sign(String ref, Actor actor, String note, NoteVisibility visibility) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        TicketStatus from = move(t, TicketAction.SIGN);
        t.signedAt = clock.instant();
        supervision.reschedule(t);
        recorder.changed(t, TicketAction.SIGN.name(), from, actor, note, NoteVisibility.orInternal(visibility));
        return t;
    }

    /** A progress note; the first one moves a signed ticket to IN_PROGRESS. Supporting units may add notes. */
    @Transactional
    public Ticket progress(String ref, Actor actor, String note) {
        return progress(ref, actor, note, null);
    }

    /** A progress note marked {@code PUBLIC} is the public update a caller reads on their case. */
    @Transactional
    public Ticket progress(String ref, Actor actor, String note, NoteVisibility visibility) {
        Ticket t = access.write(ref, actor);
        TicketStatus from = move(t, TicketAction.PROGRESS);
        recorder.changed(t, TicketAction.PROGRESS.name(), from, actor, note, NoteVisibility.orInternal(visibility));
        return t;
    }

    @Transactional
    public Ticket reply(String ref, Actor actor, String answer) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        TicketLifecycle.next(t.status, TicketAction.REPLY);
        attachments.requireEvidenceForReply(t);
        TicketStatus from = move(t, TicketAction.REPLY);
        Instant now = clock.instant();
        t.answer = answer;
        t.repliedAt = now;
        // Time the clock stood still (挂起 / 挂账) is not the unit's reply time.
        t.replyWorkingMinutes = Math.max(0, calendars.current().workingMinutesBetween(t.dispatchedAt, now)
                - t.heldWorkingMinutes);
        supervision.reschedule(t);
        recorder.changed(t, TicketAction.REPLY.name(), from, actor, null);
        receipts.answered(t);
        return t;
    }

    /** 退单: only by the lead unit, with a reason, and only inside the return window. */
    @Transactional
    public Ticket returnTicket(String ref, Actor actor, String reason) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        TicketLifecycle.next(t.status, TicketAction.RETURN);
        if (!Deadlines.mayReturn(t.returnBy, clock.instant())) {
            throw new IllegalTransitionException(t.status, TicketAction.RETURN,
                    "the return window closed at " + t.returnBy);
        }
        TicketStatus from = move(t, TicketAction.RETURN);
        t.returnedCount++;
        supervision.reschedule(t);
        recorder.changed(t, TicketAction.RETURN.name(), from, actor, reason);
        return t;
    }

    @Transactional
    public ExtensionRequest requestExtension(String ref, Actor actor, String reason, Instant newResolveBy) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        if (t.status != TicketStatus.SIGNED && t.status != TicketStatus.IN_PROGRESS) {
            throw conflict(t, "an extension can be requested only while the ticket is SIGNED or IN_PROGRESS");
        }
        if (!Deadlines.isExtension(t.resolveBy, newResolveBy)) {
            throw ProblemException.badRequest("newResolveBy", "must be after the current deadline " + t.resolveBy);
        }
        if (ExtensionRequest.count("ticketId = ?1 and status = ?2", t.id, ExtensionStatus.PENDING) > 0) {
            throw conflict(t, "an extension request is already pending");
        }
        ExtensionRequest x = new ExtensionRequest();
        x.id = UUID.randomUUID();
        x.ticketId = t.id;
        x.departmentCode = t.leadDepartmentCode;
        x.requestedBy = actor.name();
        x.requestedAt = clock.instant();
        x.reason = reason;
        x.requestedResolveBy = newResolveBy;
        x.previousResolveBy = t.resolveBy;
        x.status = ExtensionStatus.PENDING;
        x.persist();
        recorder.history(t, "EXTENSION_REQUESTED", t.status, actor, reason + " (to " + newResolveBy + ")");
        return x;
    }

    @Transactional
    public ExtensionRequest decideExtension(String ref, UUID extensionId, Actor actor, boolean approve, String note) {
        Ticket t = access.write(ref, actor);
        ExtensionRequest x = ExtensionRequest.findById(extensionId);
        if (x == null || !x.ticketId.equals(t.id)) {
            throw ProblemException.notFound("no extension request " + extensionId + " on ticket " + ref);
        }
        if (x.status != ExtensionStatus.PENDING) {
            throw ProblemException.conflict("the extension request was already " + x.status,
                    Map.of("currentStatus", t.status.name(), "extensionStatus", x.status.name()));
        }
        x.status = approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED;
        x.decidedBy = actor.name();
        x.decidedAt = clock.instant();
        x.decisionNote = note;
        if (approve) {
            t.resolveBy = Deadlines.resolveByAfterExtension(x.requestedResolveBy);
            supervision.reschedule(t);
            recorder.changed(t, "EXTENSION_APPROVED", t.status, actor,
                    "resolve deadline now " + t.resolveBy + (note == null ? "" : ": " + note));
        } else {
            recorder.history(t, "EXTENSION_REJECTED", t.status, actor, note);
        }
        return x;
    }

    /** 回访: the hotline calls the caller back and records satisfaction and whether it was solved. */
    @Transactional
    public Ticket callBack(String ref, Actor actor, boolean satisfied, boolean solved, String note) {
        Ticket t = access.write(ref, actor);
        if (t.status == TicketStatus.TERMINATED) {
            return callBackTerminated(t, actor, satisfied, solved, note);
        }
        TicketStatus from = move(t, TicketAction.CALL_BACK);
        t.calledBackAt = clock.instant();
        t.satisfied = satisfied;
        t.solved = solved;
        recorder.changed(t, TicketAction.CALL_BACK.name(), from, actor,
                (satisfied ? "satisfied" : "unsatisfied") + ", " + (solved ? "solved" : "not solved")
                        + (note == null ? "" : ": " + note));
        return t;
    }

    /** 回访 after 终止办理: recorded with the approved ground and reason; the ticket stays TERMINATED. */
    private Ticket callBackTerminated(Ticket t, Actor actor, boolean satisfied, boolean solved, String note) {
        TerminatedCallBack.refusal(TerminatedCallBack.calledBackSince(t.terminatedAt, t.calledBackAt)).ifPresent(why -> {
            throw ProblemException.conflict(why, Map.of("currentStatus", t.status.name()));
        });
        String approvedReason = ClockRequest.of(t.id).stream()
                .filter(x -> x.kind == ClockRequestKind.TERMINATE && x.status == ClockRequestStatus.APPROVED)
                .reduce((first, second) -> second).map(x -> x.reason).orElse(null);
        t.calledBackAt = clock.instant();
        t.satisfied = satisfied;
        t.solved = solved;
        recorder.history(t, TicketAction.CALL_BACK.name(), t.status, actor,
                TerminatedCallBack.note(t.terminationGround, approvedReason, satisfied, solved, note));
        return t;
    }

    @Transactional
    public Ticket close(String ref, Actor actor, String note) {
        return close(ref, actor, note, null);
    }

    @Transactional
    public Ticket close(String ref, Actor actor, String note, NoteVisibility visibility) {
        Ticket t = access.write(ref, actor);
        TicketStatus from = move(t, TicketAction.CLOSE);
        t.closedAt = clock.instant();
        recorder.changed(t, TicketAction.CLOSE.name(), from, actor, note, NoteVisibility.orInternal(visibility));
        return t;
    }

    /** After an unsatisfied return call the ticket goes back to its unit with a fresh resolve deadline. */
    @Transactional
    public Ticket reopen(String ref, Actor actor, String reason) {
        Ticket t = access.write(ref, actor);
        TicketLifecycle.next(t.status, TicketAction.REOPEN);
        if (!Boolean.FALSE.equals(t.satisfied)) {
            throw new IllegalTransitionException(t.status, TicketAction.REOPEN, "the caller was satisfied");
        }
        TicketStatus from = move(t, TicketAction.REOPEN);
        Instant now = clock.instant();
        t.reopenedCount++;
        t.resolveBy = deadlines.resolveByAfterReopen(now, calendars.current());
        t.repliedAt = null;
        t.replyWorkingMinutes = null;
        t.calledBackAt = null;
        supervision.reschedule(t);
        recorder.changed(t, TicketAction.REOPEN.name(), from, actor, reason);
        dispatch.redeliver(t);
        return t;
    }

    /** A dispatcher places a ticket from the manual queue: a unit, or a district for the rule to use. */
    @Transactional
    public Ticket assign(String ref, Actor actor, String departmentCode, String districtCode, String note) {
        Ticket t = access.write(ref, actor);
        TicketLifecycle.next(t.status, TicketAction.DISPATCH);
        return dispatchTo(t, actor, departmentCode, districtCode, TicketAction.DISPATCH, note);
    }

    /** 改派 after a return: to another unit, as a new dispatch version. */
    @Transactional
    public Ticket redispatch(String ref, Actor actor, String departmentCode, String districtCode, String note) {
        Ticket t = access.write(ref, actor);
        TicketLifecycle.next(t.status, TicketAction.REDISPATCH);
        if (departmentCode != null && departmentCode.equals(t.leadDepartmentCode)) {
            throw ProblemException.badRequest("departmentCode",
                    "a re-dispatch goes to another unit; to keep " + departmentCode + ", uphold the dispatch");
        }
        return dispatchTo(t, actor, departmentCode, districtCode, TicketAction.REDISPATCH, note);
    }

    /** The return is refused: the same unit keeps the ticket, deadlines unchanged. */
    @Transactional
    public Ticket uphold(String ref, Actor actor, String note) {
        Ticket t = access.write(ref, actor);
        TicketStatus from = move(t, TicketAction.UPHOLD);
        supervision.reschedule(t);
        recorder.changed(t, TicketAction.UPHOLD.name(), from, actor, note);
        return t;
    }

    /** 并单: {@code ref} follows {@code masterRef} from now on; its caller gets the master's answer. */
    @Transactional
    public Ticket merge(String ref, Actor actor, String masterRef) {
        TicketAccess.Pair pair = access.writePair(ref, masterRef, actor);
        Ticket t = pair.first();
        Ticket master = pair.second();
        if (master.id.equals(t.id)) {
            throw ProblemException.badRequest("masterTicketNumber", "a ticket cannot be merged into itself");
        }
        if (master.status == TicketStatus.MERGED) {
            Ticket itsMaster = Ticket.findById(master.masterTicketId);
            throw ProblemException.conflict("the master ticket " + master.ticketNumber + " is already merged into "
                            + itsMaster.ticketNumber + "; merge into that one",
                    Map.of("currentStatus", t.status.name(), "masterStatus", master.status.name()));
        }
        if (master.status.isFinal()) {
            throw ProblemException.conflict("the master ticket is " + master.status,
                    Map.of("currentStatus", t.status.name(), "masterStatus", master.status.name()));
        }
        TicketStatus from = move(t, TicketAction.MERGE);
        t.masterTicketId = master.id;
        master.hasMergedTickets = true;
        t.answer = master.answer;
        t.nextSupervisionAt = null;
        // Tickets already merged into this one follow the new master.
        Ticket.update("masterTicketId = ?1 where masterTicketId = ?2", master.id, t.id);
        recorder.changed(t, TicketAction.MERGE.name(), from, actor, "merged into " + master.ticketNumber);
        recorder.history(master, "MERGED_IN", master.status, actor, t.ticketNumber + " merged into this ticket");
        return t;
    }

    /** A police matter found on the 12345 side goes back to 110 (reverse transfer). */
    @Transactional
    public Ticket transferToPolice(String ref, Actor actor, String reason, String origin) {
        Ticket t = access.write(ref, actor);
        return transfer(t, actor, reason, origin);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket transfer(Ticket t, Actor actor, String reason, String origin) {
        TicketStatus from = move(t, TicketAction.TRANSFER_TO_POLICE);
        t.nextSupervisionAt = null;
        Instant now = clock.instant();
        UUID transferId = UUID.randomUUID();
        outbox.publish(new PoliceTransferCreated(transferId, t.id, t.ticketNumber, t.callId, origin, reason,
                t.content, t.address, t.districtCode, t.callerPhone, t.callerName, actor.name(), now));
        recorder.changed(t, TicketAction.TRANSFER_TO_POLICE.name(), from, actor, reason);
        return t;
    }

    @Transactional
    public Ticket superviseByHand(String ref, Actor actor, SupervisionStep step, String note) {
        Ticket t = access.write(ref, actor);
        if (!t.status.awaitsDepartment()) {
            throw conflict(t, "only a ticket a unit is working on can be chased or supervised");
        }
        supervision.manual(t, step, actor, note);
        return t;
    }

    private Ticket dispatchTo(Ticket t, Actor actor, String departmentCode, String districtCode,
                              TicketAction action, String note) {
        if (districtCode != null) {
            District d = District.findById(districtCode);
            if (d == null || !d.active) {
                throw ProblemException.badRequest("districtCode", "unknown district " + districtCode);
            }
            t.districtCode = d.code;
        }
        DispatchRule rule = t.ruleId == null ? null : DispatchRule.findById(t.ruleId);
        if (rule == null) {
            rule = DispatchRule.applyingTo(t.categoryCode);
        }
        Department lead;
        if (departmentCode != null) {
            lead = Department.findById(departmentCode);
            if (lead == null || !lead.active) {
                throw ProblemException.badRequest("departmentCode", "unknown or inactive unit " + departmentCode);
            }
        } else {
            lead = dispatch.leadFor(rule, t.districtCode).orElseThrow(() -> ProblemException.badRequest("departmentCode",
                    "name a unit, or a district for which the catalogue rule finds one"));
        }
        dispatch.dispatch(t, rule, lead, action, actor, note);
        return t;
    }

    private static TicketStatus move(Ticket t, TicketAction action) {
        TicketStatus from = t.status;
        t.status = TicketLifecycle.next(from, action);
        return from;
    }

    private static ProblemException conflict(Ticket t, String detail) {
        return ProblemException.conflict(detail, Map.of("currentStatus", t.status.name()));
    }
}
