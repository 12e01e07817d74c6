package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.commons.privacy.CallerHash;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.classification.Classifier;
import org.linkage.intake.config.IntakeConfig;
import org.linkage.intake.domain.CallNumbers;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.domain.PhoneNumbers;
import org.linkage.intake.domain.ReferralPolicy;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes calls: replays a retried submission, checks the request, numbers and classifies the call, and hands it to
 * {@link CallDecisions} when it is decided as it is taken. Reading a call is {@link CallQueries}, deciding it later
 * {@link CallDecisions}, who may see it {@link CallAccess}, its audit and events {@link CallRecorder}.
 */
@ApplicationScoped
public class CallService {
    private static final Logger LOG = Logger.getLogger(CallService.class);
    /** Draws before giving up on a retrieval code: each collides with probability (calls stored) / 31^8. */
    private static final int CODE_ATTEMPTS = 5;
    /** A received time further ahead than this is a clock or typing error, not a call. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final CallRepository calls;
    private final Classifier classifier;
    private final DistrictDirectory districts;
    private final CallDecisions decisions;
    private final CallRecorder recorder;
    private final CurrentActor currentActor;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeConfig config;
    private final CallerHash callerHash;
    private final RetrievalCodeSource codes;

    public CallService(CallRepository calls, Classifier classifier, DistrictDirectory districts, CallDecisions decisions,
                       CallRecorder recorder, CurrentActor currentActor, ObjectMapper json, Clock clock,
                       IntakeConfig config, CallerHash callerHash, RetrievalCodeSource codes) {
        this.codes = codes;
        this.calls = calls;
        this.classifier = classifier;
        this.districts = districts;
        this.decisions = decisions;
        this.recorder = recorder;
        this.currentActor = currentActor;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.callerHash = callerHash;
    }

    /**
     * Stores and classifies a call. With an Idempotency-Key, a retry of the same request returns the
     * first record, and a different request under the same key is refused.
     */
    public Submitted submit(NewCall request, String idempotencyKey) {
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        String hash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            Optional<Submitted> earlier = QuarkusTransaction.requiringNew()
                    .call(() -> replay(actor, idempotencyKey, hash));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(
                        () -> new Submitted(create(actor, request, idempotencyKey, hash), true));
            } catch (RuntimeException e) {
                // The code drawn was given before: the unique index refused the call and nothing of it was kept, so
                // the call is taken again with a new draw (no count per call beforehand: the index is the check).
                if (isUniqueViolation(e, CallRepository.RETRIEVAL_CODE_UNIQUE) && attempt < CODE_ATTEMPTS) {
                    LOG.infof("retrieval code drawn twice; taking the call again with a new one (attempt %d)", attempt + 1);
                    continue;
                }
                // Two retries raced: the loser hits the unique key and answers with the winner's record.
                if (idempotencyKey != null && isUniqueViolation(e, null)) {
                    return QuarkusTransaction.requiringNew().call(() -> replay(actor, idempotencyKey, hash))
                            .orElseThrow(() -> e);
                }
                throw e;
            }
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
        call.retrievalCode = codes.next();
        call.channel = request.channel();
        call.callerPhone = blankToNull(request.callerPhone()) == null ? null
                : PhoneNumbers.normalise(request.callerPhone()).orElseThrow(
                        () -> ProblemException.badRequest("callerPhone", "不是有效的大陆电话号码 / not a valid mainland China phone number"));
        // One HMAC, microseconds: cheap enough for the submit path, and the history look-up needs it later.
        call.callerHash = call.callerPhone == null ? null : callerHash.of(call.callerPhone).orElse(null);
        call.callerName = blankToNull(request.callerName());
        call.address = blankToNull(request.address());
        call.districtCode = blankToNull(request.districtCode());
        call.latitude = request.latitude();
        call.longitude = request.longitude();
        call.title = blankToNull(request.title());
        call.receiptsOptOut = request.receiptsOptOut();
        call.confidential = request.confidential();
        // checked against the category the call is referred under, when it is (CallDecisions)
        call.attributes = CategoryQuestionJson.answersJson(request.attributes());
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
        call.signals = recorder.signalsJson(suggestion.signals());
        call.modelVersion = suggestion.modelVersion();
        call.decision = Decision.PENDING;
        call.urgency = ReferralPolicy.urgency(suggestion.disposition(), suggestion.categoryCode(), request.urgency());
        calls.persist(call);
        recorder.taken(call, suggestion);
        decisions.decideOnSubmission(call, actor, suggestion, request.categoryCode(), request.urgency(), request.confirm(),
                request.incidentNumber() != null);
        LOG.infof("call %s taken by %s: suggested %s/%s, decision %s", call.callNumber, actor.name(),
                suggestion.disposition(), suggestion.categoryCode(), call.decision);
        return call;
    }

    private void checkReferenceData(NewCall request) {
        if (request.districtCode() != null && !request.districtCode().isBlank()
                && !districts.accepts(request.districtCode())) {
            throw ProblemException.badRequest("districtCode", "未知区县代码 / unknown district code " + request.districtCode());
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ProblemException.badRequest(request.latitude() == null ? "latitude" : "longitude",
                    "经纬度需同时提供 / latitude and longitude go together");
        }
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @param constraint the unique constraint refused, or null for any */
    private static boolean isUniqueViolation(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // the server's message names the constraint ("… violates unique constraint \"call_retrieval_code_key\"")
                return constraint == null || String.valueOf(sql.getMessage()).contains("\"" + constraint + "\"");
            }
        }
        return false;
    }
}
