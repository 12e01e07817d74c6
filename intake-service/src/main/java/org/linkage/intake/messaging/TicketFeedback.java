package org.linkage.intake.messaging;

import org.linkage.intake.service.AuditActions;
import org.linkage.intake.service.CallRecorder;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.TicketStatusReport;
import org.linkage.intake.repository.TicketStatusReportRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Closes the loop to the call-taker: every status the 12345 side reports on a ticket is kept on the
 * call it came from. Replays are skipped by the inbox; events arriving late never move the current
 * status backwards.
 */
@ApplicationScoped
public class TicketFeedback implements InboxConsumer {
    private static final Logger LOG = Logger.getLogger(TicketFeedback.class);
    static final String CONSUMER = "intake-tickets";

    private final Inbox inbox;
    private final CallRepository calls;
    private final TicketStatusReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;

    public TicketFeedback(Inbox inbox, CallRepository calls, TicketStatusReportRepository reports, AuditTrail audit,
                          Clock clock) {
        this.inbox = inbox;
        this.calls = calls;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    /**
     * Kafka hands over a whole poll; the inbox takes it in one transaction (see {@link Inbox#consumeAll}). The poll's
     * reports are gathered and written to their calls with one statement before the commit
     * ({@link CallRepository#reportTicketStatuses}, the same outcome as one update per report in poll order); their
     * rows and audit entries then go out in batches at the commit. Taken one at a time (a batch that failed), each
     * report is written at once, as before.
     */
    @Incoming("tickets")
    @Blocking
    public void consumeAll(ConsumerRecords<String, String> records) {
        List<Reported> poll = new ArrayList<>();
        inbox.consumeAll(CONSUMER, records, record -> consume(record, poll), true, () -> applyAll(poll));
    }

    @Override
    public void consume(ConsumerRecord<String, String> record) {
        consume(record, null);
    }

    private void consume(ConsumerRecord<String, String> record, List<Reported> poll) {
        inbox.consume(CONSUMER, record, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                (event, change) -> {
                    if (change.callId() == null) {
                        return; // a ticket raised on the 12345 side directly: no 110 call to report to
                    }
                    if (poll != null && inbox.inBatch()) {
                        poll.add(reported(event.id(), change));
                    } else {
                        apply(event.id(), change);
                    }
                });
    }

    /** A report as it is written: without a time of its own, it counts as happening when it reached us. */
    private record Reported(String eventId, TicketStatusChanged change, CallRepository.StatusReport report) {
    }

    private Reported reported(String eventId, TicketStatusChanged change) {
        Instant at = change.at() != null ? change.at() : clock.instant();
        String answer = change.answer() != null && !change.answer().isBlank() ? change.answer() : null;
        return new Reported(eventId, change, new CallRepository.StatusReport(change.callId(), at, change.ticketId(),
                change.ticketNumber(), change.status(), change.departmentCode(), change.departmentName(),
                change.resolveBy(), change.deliveryStatus(), answer));
    }

    private void applyAll(List<Reported> poll) {
        Set<UUID> known = calls.reportTicketStatuses(poll.stream().map(Reported::report).toList());
        for (Reported r : poll) {
            if (known.contains(r.change().callId())) {
                keep(r);
            } else {
                LOG.warnf("ticket %s reports on unknown call %s; ignored", r.change().ticketNumber(), r.change().callId());
            }
        }
    }

    void apply(String eventId, TicketStatusChanged change) {
        if (change.callId() == null) {
            return; // a ticket raised on the 12345 side directly: no 110 call to report to
        }
        Reported r = reported(eventId, change);
        CallRepository.StatusReport s = r.report();
        // An update by id rather than a load and a dirty check: the call row is wide, and the report needs none of it.
        if (!calls.reportTicketStatus(s.callId(), s.at(), s.ticketId(), s.ticketNumber(), s.status(),
                s.departmentCode(), s.departmentName(), s.resolveBy(), s.deliveryStatus(), s.answer())) {
            LOG.warnf("ticket %s reports on unknown call %s; ignored", change.ticketNumber(), change.callId());
            return;
        }
        keep(r);
    }

    /** The report's row and its audit entry. */
    private void keep(Reported r) {
        TicketStatusChanged change = r.change();
        String eventId = r.eventId();
        Instant at = r.report().at();
        TicketStatusReport report = new TicketStatusReport();
        report.callId = change.callId();
        report.eventId = eventId;
        report.ticketId = change.ticketId();
        report.ticketNumber = change.ticketNumber();
        report.status = change.status();
        report.previousStatus = change.previousStatus();
        report.deliveryStatus = change.deliveryStatus();
        report.departmentCode = change.departmentCode();
        report.note = change.note();
        report.answer = change.answer();
        report.actor = change.actor();
        report.at = at;
        reports.persist(report);

        audit.record(AuditActions.CALL, change.callId(), AuditActions.TICKET_STATUS_REPORTED, change.note(),
                CallRecorder.details("ticketNumber", change.ticketNumber(), "status", change.status(),
                        "previousStatus", change.previousStatus(), "deliveryStatus", change.deliveryStatus(),
                        "departmentCode", change.departmentCode(), "by", change.actor()), CONSUMER);
    }
}
