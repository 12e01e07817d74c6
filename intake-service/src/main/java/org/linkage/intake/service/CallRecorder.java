package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.commons.security.Actor;
import org.linkage.events.CallAnswered;
import org.linkage.events.ReferralCreated;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallEntity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to a call, written down: the audit trail, the metrics, and the referral event for 12345. */
@ApplicationScoped
public class CallRecorder {
    static final String COMPONENT = "intake";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    public CallRecorder(Outbox outbox, AuditTrail audit, MeterRegistry metrics, ObjectMapper json) {
        this.outbox = outbox;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
    }

    /** A new call and the classifier's suggestion for it. */
    void taken(CallEntity call, Classification suggestion) {
        metrics.counter("linkage.intake.calls", "channel", call.channel.name(),
                "suggested", suggestion.disposition().name()).increment();
        audit.record(AuditActions.CALL, call.id, AuditActions.CREATED, null, details(
                "callNumber", call.callNumber, "channel", call.channel, "districtCode", call.districtCode,
                "incidentNumber", call.incidentNumber, "confidential", call.confidential), COMPONENT);
        audit.record(AuditActions.CALL, call.id, AuditActions.CLASSIFIED, null, details(
                "disposition", suggestion.disposition(), "categoryCode", suggestion.categoryCode(),
                "confidence", suggestion.confidence(), "signals", suggestion.signals(),
                "modelVersion", suggestion.modelVersion()), COMPONENT);
    }

    /** A person's decision on the call, already applied to it. */
    void decided(CallEntity call, Actor actor) {
        // Calls by the disposition a person settled on (the suggestion is on linkage.intake.calls).
        metrics.counter("linkage.intake.calls.decided", "disposition", call.disposition.name(),
                "decision", call.decision.name()).increment();
        if (call.decision == Decision.OVERRIDDEN) {
            metrics.counter("linkage.intake.overrides", "suggested",
                    call.suggestedCategory == null ? call.suggestedDisposition.name() : call.suggestedCategory).increment();
        }
        audit.record(actor, AuditActions.CALL, call.id,
                call.decision == Decision.OVERRIDDEN ? AuditActions.OVERRIDDEN : AuditActions.CONFIRMED, call.overrideReason,
                details("fromDisposition", call.suggestedDisposition, "fromCategory", call.suggestedCategory,
                        "disposition", call.disposition, "categoryCode", call.categoryCode, "urgency", call.urgency));
    }

    /** The referral to 12345, in the transaction of the decision. */
    void referred(CallEntity call, Actor actor, Instant now) {
        outbox.publish(new ReferralCreated(call.referralId, call.id, call.callNumber, call.disposition.name(),
                call.categoryCode, call.urgency.name(), call.content, call.address, call.districtCode, call.latitude,
                call.longitude, call.callerPhone, call.callerName, call.receivedAt, call.incidentNumber, actor.name(), now,
                call.retrievalCode, call.receiptsOptOut, call.confidential, call.callerHash,
                nullIfEmpty(CategoryQuestionJson.answers(call.attributes))));
        metrics.counter("linkage.intake.referrals", "disposition", call.disposition.name()).increment();
        audit.record(actor, AuditActions.CALL, call.id, AuditActions.REFERRED, null,
                details("referralId", call.referralId, "disposition", call.disposition, "categoryCode", call.categoryCode,
                        "urgency", call.urgency, "incidentNumber", call.incidentNumber, "confidential", call.confidential));
    }

    /** The answers given for a pending call, audited like every change to it. */
    void attributes(CallEntity call, Actor actor) {
        audit.record(actor, AuditActions.CALL, call.id, "ATTRIBUTES", null,
                details("attributes", CategoryQuestionJson.answers(call.attributes)));
    }

    private static java.util.Map<String, String> nullIfEmpty(java.util.Map<String, String> m) {
        return m == null || m.isEmpty() ? null : m;
    }

    /** A call answered from the knowledge base: 12345 counts it as resolved at first contact, in this transaction. */
    void answered(CallEntity call, Actor actor, List<CitedArticle> articles) {
        try {
            call.answerArticles = json.writeValueAsString(articles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.publish(new CallAnswered(call.id, call.callNumber, call.categoryCode, call.districtCode,
                articles.stream().map(CitedArticle::id).toList(), call.receivedAt, actor.name(), call.decidedAt));
        metrics.counter("linkage.intake.answered").increment();
        audit.record(actor, AuditActions.CALL, call.id, AuditActions.ANSWERED, call.answerNote,
                details("fromDisposition", call.suggestedDisposition, "fromCategory", call.suggestedCategory,
                        "categoryCode", call.categoryCode, "articles", articles));
    }

    /** The articles a call was answered with, as stored on it. */
    public List<CitedArticle> answerArticles(CallEntity call) {
        if (call.answerArticles == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(call.answerArticles, CitedArticle[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An audited read of the call (contact shown, retrieved by code). */
    void read(CallEntity call, String action) {
        audit.record(AuditActions.CALL, call.id, action, null, null, COMPONENT);
    }

    /** The classifier's signals as stored on the call. */
    String signalsJson(List<String> signals) {
        try {
            return json.writeValueAsString(signals == null ? List.of() : signals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Audit details from key, value pairs: null values left out, enums by name. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1] instanceof Enum<?> e ? e.name() : keyValues[i + 1]);
            }
        }
        return map;
    }
}
