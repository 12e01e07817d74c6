package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.events.ReferralCreated;
import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.classification.Classifier;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.config.IntakeConfig;
import org.linkage.intake.domain.CallNumbers;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.domain.Districts;
import org.linkage.intake.domain.PhoneNumbers;
import org.linkage.intake.domain.ReferralPolicy;
import org.linkage.intake.domain.RetrievalCodes;
import org.linkage.events.Urgency;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;

/** Takes calls, records the classifier's suggestion, and refers the call once a person has decided. */
@ApplicationScoped
public class CallService {
    private static final Logger LOG = Logger.getLogger(CallService.class);
    private static final String COMPONENT = "intake";
    /** A received time further ahead than this is a clock or typing error, not a call. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final CallRepository calls;
    private final Classifier classifier;
    private final Taxonomy taxonomy;
    private final Districts districts;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final CurrentActor currentActor;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeConfig config;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();

    public CallService(CallRepository calls, Classifier classifier, Taxonomy taxonomy, Districts districts,
                       Outbox outbox, AuditTrail audit, CurrentActor currentActor, ObjectMapper json, Clock clock,
                       IntakeConfig config, MeterRegistry metrics) {
        this.calls = calls;
        this.classifier = classifier;
        this.taxonomy = taxonomy;
        this.districts = districts;
        this.outbox = outbox;
        this.audit = audit;
        this.currentActor = currentActor;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Stores and classifies a call. With an Idempotency-Key, a retry of the same request returns the
     * first record, and a different request under the same key is refused.
     */
    public Submitted submit(NewCall request, String idempotencyKey) {
        Actor actor = currentActor.get(COMPONENT);
        String hash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            Optional<Submitted> earlier = QuarkusTransaction.requiringNew()
                    .call(() -> replay(actor, idempotencyKey, hash));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> new Submitted(create(actor, request, idempotencyKey, hash), true));
        } catch (RuntimeException e) {
            // Two retries raced: the loser hits the unique key and answers with the winner's record.
            if (idempotencyKey != null && isUniqueViolation(e)) {
                return QuarkusTransaction.requiringNew().call(() -> replay(actor, idempotencyKey, hash))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Submitted> replay(Actor actor, String key, String hash) {
        return calls.byIdempotencyKey(actor.name(), key).map(existing -> {
            if (!existing.requestHash.equals(hash)) {
                throw new ProblemException(422, "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request (call " + existing.callNumber
                                + "); use a new key for a new call. / 该幂等键已用于另一来电，请使用新的键。",
                        List.of(new org.linkage.commons.problem.Problem.FieldError("Idempotency-Key",
                                "reused with a different body / 与先前请求内容不同")),
                        Map.of("callNumber", existing.callNumber));
            }
            return new Submitted(existing, false);
        });
    }

    private CallEntity create(Actor actor, NewCall request, String idempotencyKey, String hash) {
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ProblemException.badRequest("receivedAt", "不能晚于当前时间 / must not be in the future");
        }
        checkReferenceData(request);

        CallEntity call = new CallEntity();
        call.id = UUID.randomUUID();
        call.callNumber = CallNumbers.format(config.callNumberPrefix(), LocalDate.ofInstant(now, config.zone()),
                calls.nextCallSequence());
        call.retrievalCode = newRetrievalCode();
        call.channel = request.channel();
        call.callerPhone = blankToNull(request.callerPhone()) == null ? null
                : PhoneNumbers.normalise(request.callerPhone()).orElseThrow(
                        () -> ProblemException.badRequest("callerPhone", "不是有效的大陆电话号码 / not a valid mainland China phone number"));
        call.callerName = blankToNull(request.callerName());
        call.address = blankToNull(request.address());
        call.districtCode = blankToNull(request.districtCode());
        call.latitude = request.latitude();
        call.longitude = request.longitude();
        call.title = blankToNull(request.title());
        call.content = request.content().strip();
        call.receivedAt = receivedAt;
        call.takenBy = actor.name();
        call.createdAt = now;
        call.incidentNumber = request.incidentNumber();
        call.idempotencyKey = idempotencyKey;
        call.requestHash = hash;

        Classification suggestion = classifier.classify(call.title, call.content);
        call.suggestedDisposition = suggestion.disposition();
        call.suggestedCategory = suggestion.categoryCode();
        call.confidence = suggestion.confidence();
        call.signals = toJson(suggestion.signals());
        call.modelVersion = suggestion.modelVersion();
        call.decision = Decision.PENDING;
        call.urgency = ReferralPolicy.urgency(suggestion.disposition(), suggestion.categoryCode(), request.urgency());
        calls.persist(call);
        metrics.counter("linkage.intake.calls", "channel", call.channel.name(),
                "suggested", suggestion.disposition().name()).increment();

        audit.record(AuditActions.CALL, call.id, AuditActions.CREATED, null, details(
                "callNumber", call.callNumber, "channel", call.channel, "districtCode", call.districtCode,
                "incidentNumber", call.incidentNumber), COMPONENT);
        audit.record(AuditActions.CALL, call.id, AuditActions.CLASSIFIED, null, details(
                "disposition", suggestion.disposition(), "categoryCode", suggestion.categoryCode(),
                "confidence", suggestion.confidence(), "signals", suggestion.signals(),
                "modelVersion", suggestion.modelVersion()), COMPONENT);

        if (request.incidentNumber() != null) {
            // An officer reporting from an attended incident has already decided: police were there,
            // the rest belongs to 12345.
            decide(call, actor, Decision.CONFIRMED, Disposition.JOINT,
                    handOverCategory(request.categoryCode(), suggestion), null, request.urgency());
        } else if (request.confirm()) {
            decide(call, actor, Decision.CONFIRMED, suggestion.disposition(),
                    referable(suggestion.disposition(), suggestion.categoryCode()), null, request.urgency());
        }
        LOG.infof("call %s taken by %s: suggested %s/%s, decision %s", call.callNumber, actor.name(),
                suggestion.disposition(), suggestion.categoryCode(), call.decision);
        return call;
    }

    /** The call-taker accepts the suggestion as it stands. */
    @Transactional
    public CallEntity confirm(UUID callId) {
        Actor actor = currentActor.get(COMPONENT);
        CallEntity call = decidable(callId, actor);
        decide(call, actor, Decision.CONFIRMED, call.suggestedDisposition,
                referable(call.suggestedDisposition, call.suggestedCategory), null, null);
        return call;
    }

    /** The call-taker corrects the suggestion; the reason is kept so the model's weak spots can be found. */
    @Transactional
    public CallEntity override(UUID callId, Disposition disposition, String categoryCode, String reason, Urgency urgency) {
        Actor actor = currentActor.get(COMPONENT);
        CallEntity call = decidable(callId, actor);
        String category = checkCategoryFits(disposition, blankToNull(categoryCode));
        decide(call, actor, Decision.OVERRIDDEN, disposition, category, reason.strip(), urgency);
        return call;
    }

    /** A call as the given person may see it: call-takers and officers their own, supervisors and admins all. */
    public CallEntity visible(UUID callId, Actor actor) {
        return visibleTo(calls.findByIdOptional(callId), callId, actor);
    }

    private CallEntity visibleTo(java.util.Optional<CallEntity> found, UUID callId, Actor actor) {
        CallEntity call = found.orElseThrow(() -> ProblemException.notFound("No call " + callId + ". / 无此来电。"));
        if (!seesAll(actor) && !call.takenBy.equals(actor.name())) {
            // Not found rather than forbidden: someone else's call is not even confirmed to exist.
            throw ProblemException.notFound("No call " + callId + ". / 无此来电。");
        }
        return call;
    }

    /**
     * A caller calling back quotes their retrieval code to whichever call-taker answers, so the code
     * opens the call to any call-taker; each such look-up is in the audit trail.
     */
    @Transactional
    public CallEntity byRetrievalCode(String code) {
        CallEntity call = calls.find("retrievalCode", code.strip().toUpperCase()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No call with that retrieval code. / 查询码无对应来电。"));
        audit.record(AuditActions.CALL, call.id, AuditActions.RETRIEVED_BY_CODE, null, null, COMPONENT);
        return call;
    }

    public static boolean seesAll(Actor actor) {
        return actor.hasRole(Roles.SUPERVISOR) || actor.hasRole(Roles.ADMIN);
    }

    /** The unmasked contact of a caller, for calling back; every such read is in the audit trail. */
    @Transactional
    public CallEntity contact(UUID callId) {
        Actor actor = currentActor.get(COMPONENT);
        CallEntity call = visible(callId, actor);
        audit.record(AuditActions.CALL, call.id, AuditActions.CONTACT_VIEWED, null, null, COMPONENT);
        return call;
    }

    private CallEntity decidable(UUID callId, Actor actor) {
        // Locked: of two clicks (or two call-takers) deciding at once, the second waits and then sees the first's decision.
        CallEntity call = visibleTo(calls.findByIdOptional(callId, LockModeType.PESSIMISTIC_WRITE), callId, actor);
        if (call.decision != Decision.PENDING) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("currentDecision", call.decision.name());
            ext.put("disposition", call.disposition.name());
            throw ProblemException.conflict("Call " + call.callNumber + " was already " + call.decision.name().toLowerCase()
                    + " by " + call.decidedBy + ". / 该来电已处理。", ext);
        }
        return call;
    }

    private void decide(CallEntity call, Actor actor, Decision decision, Disposition disposition, String categoryCode,
                        String reason, Urgency urgency) {
        Instant now = clock.instant();
        call.decision = decision;
        call.disposition = disposition;
        call.categoryCode = categoryCode;
        call.decidedBy = actor.name();
        call.decidedAt = now;
        call.overrideReason = reason;
        if (decision == Decision.OVERRIDDEN) {
            metrics.counter("linkage.intake.overrides", "suggested",
                    call.suggestedCategory == null ? call.suggestedDisposition.name() : call.suggestedCategory).increment();
        }
        call.urgency = ReferralPolicy.urgency(disposition, categoryCode, urgency);
        audit.record(actor, AuditActions.CALL, call.id,
                decision == Decision.OVERRIDDEN ? AuditActions.OVERRIDDEN : AuditActions.CONFIRMED, reason,
                details("fromDisposition", call.suggestedDisposition, "fromCategory", call.suggestedCategory,
                        "disposition", disposition, "categoryCode", categoryCode, "urgency", call.urgency));
        if (ReferralPolicy.isReferred(disposition)) {
            refer(call, actor, now);
        }
    }

    private void refer(CallEntity call, Actor actor, Instant now) {
        call.referralId = UUID.randomUUID();
        call.referredAt = now;
        ReferralCreated event = new ReferralCreated(call.referralId, call.id, call.callNumber, call.disposition.name(),
                call.categoryCode, call.urgency.name(), call.content, call.address, call.districtCode, call.latitude,
                call.longitude, call.callerPhone, call.callerName, call.receivedAt, call.incidentNumber, actor.name(), now);
        outbox.publish(event);
        metrics.counter("linkage.intake.referrals", "disposition", call.disposition.name()).increment();
        audit.record(actor, AuditActions.CALL, call.id, AuditActions.REFERRED, null,
                details("referralId", call.referralId, "disposition", call.disposition, "categoryCode", call.categoryCode,
                        "urgency", call.urgency, "incidentNumber", call.incidentNumber));
    }

    /**
     * 12345 routes on non-police categories only. Should a suggestion ever pair a referred disposition
     * with no or a police category, the referral still goes out, as OTHER, for the hotline office to sort.
     */
    private String referable(Disposition disposition, String categoryCode) {
        if (!ReferralPolicy.isReferred(disposition)) {
            return categoryCode;
        }
        return taxonomy.byCode(categoryCode).filter(c -> !c.police()).map(Category::code).orElse(Taxonomy.OTHER);
    }

    private String handOverCategory(String requested, Classification suggestion) {
        if (requested != null) {
            return checkCategoryFits(Disposition.JOINT, requested);
        }
        // The classifier may well call the whole incident police; the handed-over rest needs a 12345 category.
        return referable(Disposition.JOINT, suggestion.categoryCode());
    }

    /** POLICE takes a police category, NON_POLICE and JOINT a non-police one (what 12345 routes on), INVALID none. */
    private String checkCategoryFits(Disposition disposition, String categoryCode) {
        if (disposition == Disposition.INVALID) {
            if (categoryCode != null) {
                throw ProblemException.badRequest("categoryCode", "无效来电不设类别 / an INVALID call has no category");
            }
            return null;
        }
        if (categoryCode == null) {
            throw ProblemException.badRequest("categoryCode", "必填 / required for " + disposition);
        }
        Category category = taxonomy.byCode(categoryCode).orElseThrow(() -> ProblemException.badRequest("categoryCode",
                "未知类别 / unknown category " + categoryCode));
        boolean needsPolice = disposition == Disposition.POLICE;
        if (category.police() != needsPolice) {
            throw ProblemException.badRequest("categoryCode", needsPolice
                    ? "公安处置需选公安类别 / a POLICE disposition needs a police category"
                    : "转12345需选非警务类别 / " + disposition + " needs a non-police category");
        }
        return category.code();
    }

    private void checkReferenceData(NewCall request) {
        if (request.districtCode() != null && !request.districtCode().isBlank()
                && districts.byCode(request.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("districtCode", "未知区县代码 / unknown district code " + request.districtCode());
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ProblemException.badRequest(request.latitude() == null ? "latitude" : "longitude",
                    "经纬度需同时提供 / latitude and longitude go together");
        }
    }

    private String newRetrievalCode() {
        String code;
        do {
            code = RetrievalCodes.generate(random);
        } while (calls.retrievalCodeTaken(code));
        return code;
    }

    private String hash(NewCall request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(request)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a call request", e);
        }
    }

    private String toJson(List<String> signals) {
        try {
            return json.writeValueAsString(signals == null ? List.of() : signals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> signals(CallEntity call) {
        try {
            return call.signals == null ? List.of() : List.of(json.readValue(call.signals, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored signals of call " + call.id + " are unreadable", e);
        }
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1] instanceof Enum<?> e ? e.name() : keyValues[i + 1]);
            }
        }
        return map;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
