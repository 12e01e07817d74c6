package org.linkage.bridge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DepartmentDirectory;
import org.linkage.bridge.domain.DeliveryKind;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.domain.RetryPolicy;
import org.linkage.bridge.repository.CircuitRepository;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryAttempt;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.tracing.Traces;
import org.linkage.events.AttachmentNoticeOutcome;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.LinkageEvent;
import org.linkage.events.TicketAttachmentAdded;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The state changes of deliveries; each method is one transaction, with its events in the outbox. */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    static final String COMPONENT = "delivery";

    private final DeliveryRepository deliveries;
    private final CircuitRepository circuits;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final BridgeConfig.Delivery config;
    private final RetryPolicy retry;
    private final DepartmentDirectory directory;
    private final DeliveryMetrics metrics;
    private final Event<DeliveryDue> due;
    /**
     * What a re-dispatch stops of the ticket's earlier versions: their undelivered deliveries (waiting, retrying or
     * dead-lettered), so the department the ticket was taken from cannot still receive it, nor a dispatcher replay a
     * stale version. An attempt in flight finds its row no longer due and its result is ignored.
     */
    private static final String NEWER_KNOWN = "superseded: a newer version of the ticket was already received";
    private static final List<DeliveryStatus> STOPPABLE = List.of(DeliveryStatus.PENDING,
            DeliveryStatus.FAILED_RETRYING, DeliveryStatus.DEAD_LETTERED);

    public DeliveryService(DeliveryRepository deliveries, CircuitRepository circuits, Outbox outbox, AuditTrail audit,
                           ObjectMapper json, Clock clock, BridgeConfig config, DepartmentDirectory directory,
                           DeliveryMetrics metrics, Event<DeliveryDue> due) {
        this.directory = directory;
        this.metrics = metrics;
        this.due = due;
        this.deliveries = deliveries;
        this.circuits = circuits;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.config = config.delivery();
        this.retry = new RetryPolicy(this.config.maxAttempts(), this.config.baseDelay(), this.config.maxDelay());
    }

    /**
     * Records the delivery of a dispatched ticket version, inside the consumer's transaction, in one statement
     * ({@link DeliveryRepository#insertUnlessKnown}). The idempotency key (ticket id and version) also stops a
     * re-published event with a new id. The delivery returned is the row as written, not a managed entity.
     *
     * @return the new delivery, or empty when this version is already known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Delivery> accept(TicketDispatched ticket) {
        Instant now = clock.instant();
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.ticketId = ticket.ticketId();
        d.ticketNumber = ticket.ticketNumber();
        d.ticketVersion = ticket.version();
        d.departmentCode = ticket.department() == null ? "UNKNOWN" : ticket.department().code();
        d.adapter = Adapter.of(ticket.department() == null ? null : ticket.department().adapter());
        d.endpointUrl = ticket.department() == null ? null : ticket.department().endpointUrl();
        d.categoryCode = ticket.categoryCode();
        d.payload = toJson(DepartmentTicket.of(ticket));
        d.idempotencyKey = ticket.ticketId() + ":" + ticket.version();
        Map<String, String> trace = Traces.current();
        d.traceparent = trace.get(Traces.TRACEPARENT);
        d.tracestate = trace.get(Traces.TRACESTATE);
        d.createdAt = now;
        d.updatedAt = now;
        String deadLetterCause = decide(d, now);

        DeliveryRepository.Inserted inserted = deliveries.insertUnlessKnown(d, NEWER_KNOWN,
                "superseded by version " + ticket.version(), STOPPABLE);
        if (!inserted.inserted()) {
            return Optional.empty();
        }
        if (inserted.stoppedEarlier() > 0) {
            LOG.infof("ticket %s v%d: %d undelivered earlier delivery(ies) superseded", ticket.ticketNumber(),
                    ticket.version(), inserted.stoppedEarlier());
        }
        if (inserted.supersededByNewer()) {
            // Events arrived out of order: a newer dispatch is already known, so this version must not go out.
            d.status = DeliveryStatus.SUPERSEDED;
            d.lastError = NEWER_KNOWN;
            d.nextAttemptAt = null;
            d.deliveredAt = null;
            return Optional.of(d);
        }
        switch (d.status) {
            case DEAD_LETTERED -> deadLettered(d, deadLetterCause);
            case DELIVERED -> outcome(d);
            default -> due.fire(new DeliveryDue(d.id));
        }
        return Optional.of(d);
    }

    /**
     * Why an Open311 unit gets no attachment notice: GeoReport v2 has no way to add media to a request already filed
     * (docs/open311.md, "Files added after filing"). Recorded on the row and on the ticket's history, where a
     * dispatcher reads it and can tell the unit another way.
     */
    static final String OPEN311_NO_NOTICE = "未推送：Open311（GeoReport v2）无法向已受理的请求追加文件，请另行告知该单位；"
            + "工单下一版本会附首张照片 / not sent: GeoReport v2 cannot add a file to a request already filed; tell the "
            + "unit another way (the ticket's next version carries its first photo as media_url)";

    /**
     * Records the notice of a file added to a dispatched ticket, for the unit that holds the ticket's newest version
     * known here (the lead unit: the bridge delivers tickets to lead units only), inside the consumer's transaction,
     * in one statement. Its own kind and key ({@code <ticketId>:attachment:<attachmentId>}), so a redelivered or
     * re-published event writes nothing, and it neither stops nor is stopped by versions of the ticket to that unit.
     * The unit's system is the one its newest version went to, checked against the directory as a version is.
     *
     * @return the new notice, or empty when it is known already or no dispatch of the ticket reached the bridge
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Delivery> acceptNotice(TicketAttachmentAdded added) {
        Optional<DeliveryRepository.Holder> holder = deliveries.holderOf(added.ticketId());
        if (holder.isEmpty()) {
            // The file travels with the ticket's first dispatch (attachmentCount, links at each attempt).
            LOG.infof("file %s of ticket %s: no dispatch known here, so no notice", added.attachmentId(),
                    added.ticketNumber());
            return Optional.empty();
        }
        DeliveryRepository.Holder h = holder.get();
        if (added.departmentCode() != null && !added.departmentCode().equals(h.departmentCode())) {
            LOG.infof("file %s of ticket %s names lead unit %s; its newest dispatch here went to %s, who is told",
                    added.attachmentId(), added.ticketNumber(), added.departmentCode(), h.departmentCode());
        }
        Instant now = clock.instant();
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.kind = DeliveryKind.ATTACHMENT_NOTICE;
        d.attachmentId = added.attachmentId();
        d.ticketId = added.ticketId();
        d.ticketNumber = added.ticketNumber();
        d.ticketVersion = h.ticketVersion();
        d.departmentCode = h.departmentCode();
        d.adapter = Adapter.of(h.adapter());
        d.endpointUrl = h.endpointUrl();
        d.categoryCode = h.categoryCode();
        d.payload = toJson(AttachmentNotice.of(added, h.ticketVersion(), h.departmentCode()));
        d.idempotencyKey = AttachmentNotice.key(added.ticketId(), added.attachmentId());
        Map<String, String> trace = Traces.current();
        d.traceparent = trace.get(Traces.TRACEPARENT);
        d.tracestate = trace.get(Traces.TRACESTATE);
        d.createdAt = now;
        d.updatedAt = now;
        String deadLetterCause = null;
        if (d.adapter == Adapter.OPEN311) {
            d.status = DeliveryStatus.SKIPPED;
            d.lastError = OPEN311_NO_NOTICE;
        } else {
            deadLetterCause = decide(d, now);
        }
        if (!deliveries.insertNoticeUnlessKnown(d)) {
            return Optional.empty();
        }
        switch (d.status) {
            case DEAD_LETTERED -> deadLettered(d, deadLetterCause);
            case DELIVERED, SKIPPED -> outcome(d);
            default -> due.fire(new DeliveryDue(d.id));
        }
        return Optional.of(d);
    }

    /**
     * What becomes of a new delivery unless a newer version is known: sets its status and returns the cause when it
     * is dead-lettered at once.
     */
    private String decide(Delivery d, Instant now) {
        if (d.adapter != Adapter.NONE && (d.endpointUrl == null || d.endpointUrl.isBlank())) {
            // The catalogue promised a system but named no address: nothing to retry, a dispatcher must look.
            d.status = DeliveryStatus.DEAD_LETTERED;
            d.lastError = "department " + d.departmentCode + " has adapter " + d.adapter + " but no endpoint URL";
            return "rejected";
        }
        Optional<String> refusal = d.adapter == Adapter.NONE ? Optional.empty()
                : directory.refusal(d.departmentCode, d.adapter, d.endpointUrl);
        if (refusal.isPresent()) {
            // The event names a way in the bridge does not hold for the unit: a forged event, or a catalogue change
            // not yet made in the bridge's directory. Nothing is sent; a dispatcher sees why among the dead letters.
            d.status = DeliveryStatus.DEAD_LETTERED;
            d.lastError = "refused: " + refusal.get();
            return "refused";
        }
        if (d.adapter == Adapter.NONE) {
            // The unit works in the router's console, where the ticket already is: delivered as it stands.
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            return null;
        }
        d.status = DeliveryStatus.PENDING;
        d.nextAttemptAt = now;
        return null;
    }

    /**
     * Leases a batch of due deliveries and starts their attempts, in one transaction: rows whose endpoint's circuit
     * is open are handed back at once, due when it closes (at no cost to their attempt budget), and the rest are
     * returned to be sent. Rows that cannot be read come back as such, to be dead-lettered.
     */
    @Transactional
    public Batch claim(UUID token, int limit) {
        Instant now = clock.instant();
        List<DeliveryRepository.Claim> claims = deliveries.claimDue(now, now.plus(config.lease()), token, limit);
        Map<Instant, List<UUID>> deferred = new HashMap<>();
        List<DeliveryRepository.Claim> toSend = new ArrayList<>(claims.size());
        for (DeliveryRepository.Claim claim : claims) {
            if (claim.circuitOpenUntil() != null) {
                deferred.computeIfAbsent(claim.circuitOpenUntil(), k -> new ArrayList<>()).add(claim.id());
            } else {
                toSend.add(claim);
            }
        }
        deferred.forEach((openUntil, ids) -> deliveries.deferUntilCircuitCloses(ids, token, openUntil, spread(), now));
        return new Batch(toSend, claims.size());
    }

    /** The claimed deliveries to send now, and how many were claimed (a full batch: more may be due). */
    public record Batch(List<DeliveryRepository.Claim> toSend, int claimed) {
    }

    /** Hands back a claimed delivery whose endpoint's circuit opened during its batch, due when it closes. */
    @Transactional
    public void defer(UUID id, UUID token, Instant openUntil) {
        deliveries.deferUntilCircuitCloses(List.of(id), token, openUntil, spread(), clock.instant());
    }

    private long spread() {
        return config.breakerCooldown().toMillis() / 10;
    }

    /**
     * Records one attempt's result and decides what follows (done, retry later, or dead letter), with its outcome
     * event, in one transaction. {@code d} is the delivery as claimed.
     *
     * @return until when the endpoint's circuit is open, if this result opened it (or found it open); else null
     */
    @Transactional
    public Instant finishAttempt(Delivery d, UUID claimToken, AttemptResult result, Instant startedAt) {
        Instant now = clock.instant();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = d.id;
        attempt.startedAt = startedAt;
        attempt.latencyMs = result.latencyMs();
        attempt.responseCode = result.responseCode();
        attempt.outcome = result.outcome().name();
        attempt.error = truncate(result.error());
        attempt.externalRef = result.externalRef();
        metrics.attempt(d, result);

        // The new state, as it will be if the claim still holds (the row cannot change under a held claim).
        d.attempts++;
        d.lastResponseCode = result.responseCode();
        d.lastLatencyMs = result.latencyMs();
        d.lastError = truncate(result.error());
        d.updatedAt = now;
        String deadLetterCause = null;
        switch (result.outcome()) {
            case SUCCESS -> {
                d.status = DeliveryStatus.DELIVERED;
                d.externalRef = result.externalRef();
                d.deliveredAt = now;
                d.nextAttemptAt = null;
            }
            case REJECTED -> deadLetterCause = "rejected";
            default -> {
                if (retry.exhausted(d.attempts)) {
                    deadLetterCause = "exhausted";
                } else {
                    d.status = DeliveryStatus.FAILED_RETRYING;
                    d.nextAttemptAt = now.plus(retry.delayAfter(d.attempts, ThreadLocalRandom.current()::nextDouble));
                }
            }
        }
        if (deadLetterCause != null) {
            d.status = DeliveryStatus.DEAD_LETTERED;
            d.nextAttemptAt = null;
        }
        DeliveryRepository.CircuitEffect circuit = d.endpointUrl == null ? DeliveryRepository.CircuitEffect.NONE
                : result.outcome().endpointFault() ? DeliveryRepository.CircuitEffect.FAILURE
                : result.outcome() == AttemptResult.Outcome.SUCCESS ? DeliveryRepository.CircuitEffect.CLOSE
                : DeliveryRepository.CircuitEffect.NONE;
        DeliveryRepository.Recorded recorded = deliveries.recordAttempt(d, claimToken, attempt, now, circuit,
                config.breakerThreshold(), now.plus(config.breakerCooldown()));
        d.claimToken = null;
        d.claimedUntil = null;
        if (recorded.attemptNo() == null) {
            // Another worker took over after our lease ran out; it owns the outcome. The receiver
            // saw the same Idempotency-Key from both, so it acts once.
            int no = deliveries.recordLateAttempt(attempt);
            LOG.warnf("delivery %s: late result of attempt %d ignored", d.id, no);
            return recorded.circuitOpenUntil();
        }
        if (deadLetterCause != null) {
            deadLettered(d, deadLetterCause);
        } else if (d.status == DeliveryStatus.DELIVERED) {
            outcome(d);
        }
        return recorded.circuitOpenUntil();
    }

    /**
     * Dead-letters a claimed row that cannot be loaded as a {@link Delivery}, by SQL alone (so nothing that
     * failed to read it is needed); a dispatcher sees it among the dead letters and can replay it once mended.
     */
    @Transactional
    public void unreadable(UUID id, UUID claimToken, String error) {
        deliveries.getEntityManager().createNativeQuery("""
                        update delivery set status = 'DEAD_LETTERED', next_attempt_at = null, claim_token = null,
                            claimed_until = null, last_error = ?3, updated_at = now()
                        where id = ?1 and claim_token = ?2""")
                .setParameter(1, id).setParameter(2, claimToken).setParameter(3, truncate(error))
                .executeUpdate();
    }

    /** Puts a dead letter back in the queue for a fresh round of attempts (a dispatcher's decision). */
    @Transactional
    public Delivery replay(UUID id, String reason) {
        Delivery d = deliveries.findById(id);
        if (d == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        if (d.status != DeliveryStatus.DEAD_LETTERED) {
            throw ProblemException.conflict("Only dead-lettered deliveries can be replayed; this one is " + d.status,
                    Map.of("currentStatus", d.status.name()));
        }
        Optional<String> refusal = d.adapter == Adapter.NONE ? Optional.empty()
                : directory.refusal(d.departmentCode, d.adapter, d.endpointUrl);
        if (refusal.isPresent()) {
            // A replay would only be refused again at sending; say so now, while the dispatcher is looking.
            throw ProblemException.conflict("This delivery cannot be replayed: " + refusal.get(),
                    Map.of("departmentCode", d.departmentCode));
        }
        Instant now = clock.instant();
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        d.claimToken = null;
        d.claimedUntil = null;
        circuits.success(d.endpointUrl, now);
        due.fire(new DeliveryDue(d.id));
        audit.record("Delivery", d.id, "REPLAY", reason, Map.of("ticketNumber", d.ticketNumber,
                "ticketVersion", d.ticketVersion, "departmentCode", d.departmentCode, "kind", d.kind.name()),
                COMPONENT);
        return d;
    }

    /** Tells of a delivery already written as dead-lettered: its metric, its log line and its two events. */
    private void deadLettered(Delivery d, String cause) {
        metrics.deadLettered(d, cause);
        LOG.warnf("delivery %s (%s) of ticket %s v%d to %s dead-lettered after %d attempt(s): %s",
                d.id, d.kind, d.ticketNumber, d.ticketVersion, d.departmentCode, d.attempts, d.lastError);
        outbox.publish(outcome(d), Topics.DELIVERIES_DLQ);
    }

    /**
     * Publishes what became of the delivery ({@code DELIVERED} or {@code DEAD_LETTERED}; a notice also
     * {@code SKIPPED}) to the router: a ticket version as a {@link DeliveryOutcome}, which sets the ticket's delivery
     * status, a notice as an {@link AttachmentNoticeOutcome}, which only goes on the ticket's history.
     */
    private LinkageEvent outcome(Delivery d) {
        LinkageEvent event = d.kind == DeliveryKind.ATTACHMENT_NOTICE
                ? new AttachmentNoticeOutcome(d.id, d.ticketId, d.ticketNumber, d.ticketVersion, d.attachmentId,
                fileName(d), d.departmentCode, d.adapter.name(), d.status.name(), d.attempts, d.externalRef,
                d.lastError, clock.instant())
                : new DeliveryOutcome(d.id, d.ticketId, d.ticketNumber, d.ticketVersion, d.departmentCode,
                d.adapter.name(), d.status.name(), d.attempts, d.externalRef, d.lastError, clock.instant());
        outbox.publish(event);
        return event;
    }

    /** The notice's file name as stored, for the dispatcher reading the ticket's history; null if unreadable. */
    private String fileName(Delivery d) {
        try {
            return json.readValue(d.payload, AttachmentNotice.class).attachment().fileName();
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ticket payload is not serialisable", e);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
