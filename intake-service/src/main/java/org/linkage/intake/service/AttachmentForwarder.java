package org.linkage.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.intake.client.RouterAttachmentApi;
import org.linkage.intake.repository.CallAttachment;
import org.linkage.intake.repository.CallAttachmentRepository;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes a referred call's attachments onto its 12345 ticket once the ticket is known (the ticket number arrives on
 * linkage.tickets), and any attached later while the ticket is open. Intake pushes them to the router with its own
 * service token rather than putting bytes on Kafka (events stay small) or giving the router a service account of
 * its own (the router calls no one). At least once: the router keeps intake's attachment id, so a file sent again
 * after a lost answer is not stored twice. A refusal for good (ticket closed meanwhile, full) is kept on the
 * attachment and not retried; the router being down or not answering is retried on the next round.
 */
@ApplicationScoped
public class AttachmentForwarder {
    private static final Logger LOG = Logger.getLogger(AttachmentForwarder.class);
    /** Answers that will not change by asking again. */
    private static final Set<Integer> FOR_GOOD = Set.of(400, 404, 409, 413, 415, 422);
    private static final int BATCH = 20;
    private static final int SETTLE_BATCH = 200;
    /** Kept on the file when its call will have no 12345 ticket (decided POLICE or INVALID, or answered). */
    public static final String NO_TICKET = "no 12345 ticket: the call was not referred / 来电未转12345，无工单";

    private final CallAttachmentRepository attachments;
    private final RouterAttachmentApi router;
    private final AuditTrail audit;
    private final CallAttachments calls;

    public AttachmentForwarder(CallAttachmentRepository attachments, @RestClient RouterAttachmentApi router,
                               AuditTrail audit, CallAttachments calls) {
        this.attachments = attachments;
        this.router = router;
        this.audit = audit;
        this.calls = calls;
    }

    private record Due(UUID id, UUID callId, String ticketNumber, String fileName, String uploadedBy) {
    }

    /** One round: how many attachments reached their ticket. */
    public int forwardDue() {
        settleWithoutTicket();
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> attachments.dueForTicket(BATCH).stream()
                .map(row -> {
                    CallAttachment a = (CallAttachment) row[0];
                    return new Due(a.id, a.callId, (String) row[1], a.fileName, a.uploadedBy);
                }).toList());
        int forwarded = 0;
        for (Due d : due) {
            byte[] content = QuarkusTransaction.requiringNew().call(() -> attachments.content(d.id()).orElseThrow());
            try {
                router.put(d.ticketNumber(), d.fileName(), d.callId(), d.id(), d.uploadedBy(), content);
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (FOR_GOOD.contains(status)) {
                    settle(d, "router answered " + status);
                    continue;
                }
                LOG.warnf("attachment %s of call %s not taken onto ticket %s (router answered %d); retried later",
                        d.id(), d.callId(), d.ticketNumber(), status);
                return forwarded;
            } catch (ProcessingException e) {
                LOG.warnf("router unreachable for attachment %s (%s); retried later", d.id(), e.getMessage());
                return forwarded;
            }
            settle(d, null);
            forwarded++;
        }
        return forwarded;
    }

    /**
     * Files of calls that will never become tickets are settled as "no ticket" (on the audit trail like a refusal),
     * so the partial index the scan reads holds only files still on their way: without this, every police or invalid
     * call's photo would stay in it, and the scan would walk a year of them every few seconds. Bounded per round
     * like the forwarding itself; a backlog clears over a few rounds.
     */
    int settleWithoutTicket() {
        List<Due> kept = QuarkusTransaction.requiringNew().call(() -> attachments.waitingWithoutTicketToCome(SETTLE_BATCH)
                .stream().map(a -> new Due(a.id, a.callId, null, a.fileName, a.uploadedBy)).toList());
        kept.forEach(d -> settle(d, NO_TICKET));
        return kept.size();
    }

    private void settle(Due d, String refusal) {
        QuarkusTransaction.requiringNew().run(() -> {
            CallAttachment a = attachments.findById(d.id());
            if (refusal == null) {
                a.forwardedAt = calls.now();
            } else {
                a.forwardRefused = refusal;
            }
            Map<String, Object> details = CallAttachments.details(a);
            if (d.ticketNumber() != null) {
                details.put("ticketNumber", d.ticketNumber());
            }
            if (refusal != null) {
                details.put("refused", refusal);
            }
            audit.record(AuditActions.CALL, d.callId(), CallAttachments.FORWARDED, refusal, details, "attachment-forwarder");
        });
    }
}
