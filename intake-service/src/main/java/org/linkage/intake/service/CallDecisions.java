package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.events.Urgency;
import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.domain.ReferralPolicy;
import org.linkage.intake.repository.CallEntity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person decides a call: confirms the classifier's suggestion or overrides it. A decision for a non-police
 * disposition refers the call to 12345 ({@link ReferralPolicy}).
 */
@ApplicationScoped
public class CallDecisions {
    private final CallAccess access;
    private final CallRecorder recorder;
    private final Taxonomy taxonomy;
    private final CurrentActor currentActor;
    private final Clock clock;

    private final CategoryQuestionDirectory questions;

    public CallDecisions(CallAccess access, CallRecorder recorder, Taxonomy taxonomy, CurrentActor currentActor,
                         Clock clock, CategoryQuestionDirectory questions) {
        this.questions = questions;
        this.access = access;
        this.recorder = recorder;
        this.taxonomy = taxonomy;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The call-taker accepts the suggestion as it stands. */
    @Transactional
    public CallEntity confirm(UUID callId) {
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        CallEntity call = access.decidable(callId, actor);
        decide(call, actor, Decision.CONFIRMED, call.suggestedDisposition,
                referable(call.suggestedDisposition, call.suggestedCategory), null, null);
        return call;
    }

    /** The call-taker corrects the suggestion; the reason is kept so the model's weak spots can be found. */
    @Transactional
    public CallEntity override(UUID callId, Disposition disposition, String categoryCode, String reason, Urgency urgency,
                               java.util.Map<String, String> attributes) {
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        CallEntity call = access.decidable(callId, actor);
        if (attributes != null) {
            call.attributes = CategoryQuestionJson.answersJson(attributes);
        } else if (call.attributes != null) {
            // answers given for the suggested category: those the corrected category does not ask are dropped
            java.util.Set<String> asked = new java.util.HashSet<>();
            questions.of(blankToNull(categoryCode)).forEach(q -> asked.add(q.code()));
            java.util.Map<String, String> kept = new java.util.LinkedHashMap<>(CategoryQuestionJson.answers(call.attributes));
            kept.keySet().retainAll(asked);
            call.attributes = CategoryQuestionJson.answersJson(kept);
        }
        String category = checkCategoryFits(disposition, blankToNull(categoryCode));
        decide(call, actor, Decision.OVERRIDDEN, disposition, category, reason.strip(), urgency);
        return call;
    }

    /** The answers of a call still pending, as far as they can be checked before the category is settled. */
    @Transactional
    public CallEntity answers(UUID callId, java.util.Map<String, String> attributes) {
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        CallEntity call = access.decidable(callId, actor);
        String category = ReferralPolicy.isReferred(call.suggestedDisposition) ? call.suggestedCategory : null;
        call.attributes = CategoryQuestionJson.answersJson(questions.checked(category, attributes, false));
        recorder.attributes(call, actor);
        return call;
    }

    /**
     * The caller's question is answered on the spot from the knowledge base (咨询直接答复): the call is closed with
     * the cited articles and no referral; 12345 counts it as resolved at first contact. Refused for a call the
     * classifier heard a police matter in ({@link ReferralPolicy#answerable}).
     */
    @Transactional
    public CallEntity answer(UUID callId, List<CitedArticle> articles, String note, String categoryCode) {
        CitedArticle.check(articles);
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        CallEntity call = access.decidable(callId, actor);
        if (!ReferralPolicy.answerable(call.suggestedDisposition)) {
            throw ProblemException.conflict("含警情的来电不能直接答复，请确认或改判 / a call with a police matter in it is not "
                    + "closed as answered: confirm or override it", java.util.Map.of("suggestedDisposition",
                    call.suggestedDisposition.name()));
        }
        String category = blankToNull(categoryCode) != null ? checkCategoryFits(Disposition.NON_POLICE, categoryCode.strip())
                : referable(Disposition.NON_POLICE, call.suggestedCategory);
        call.decision = Decision.ANSWERED;
        call.disposition = Disposition.NON_POLICE;
        call.categoryCode = category;
        call.decidedBy = actor.name();
        call.decidedAt = clock.instant();
        call.answerNote = blankToNull(note);
        recorder.answered(call, actor, articles);
        return call;
    }

    /**
     * 12345 accepted the call on a consultation request: the dispatcher who took it is the one who decided it, and
     * it is referred exactly as a call-taker's decision would refer it.
     */
    void acceptedByHotline(CallEntity call, Actor dispatcher, String categoryCode, String consultationNote) {
        // The router checked the category against its catalogue; one this taxonomy does not know still goes, as
        // the suggestion's, rather than leave the accepted call undecided on both lines.
        String category = categoryCode != null && taxonomy.byCode(categoryCode).filter(c -> !c.police()).isPresent()
                ? categoryCode : referable(Disposition.NON_POLICE, call.suggestedCategory);
        boolean asSuggested = call.suggestedDisposition == Disposition.NON_POLICE && category.equals(call.suggestedCategory);
        decide(call, dispatcher, asSuggested ? Decision.CONFIRMED : Decision.OVERRIDDEN, Disposition.NON_POLICE, category,
                asSuggested ? null : "12345会商接收 / taken by 12345 on consultation: " + consultationNote, null);
    }

    /** Decided as it is taken: an officer's hand-over from an attended incident, or a one-click confirmation. */
    void decideOnSubmission(CallEntity call, Actor actor, Classification suggestion, String requestedCategory,
                            Urgency requestedUrgency, boolean confirm, boolean fromIncident) {
        if (fromIncident) {
            // An officer reporting from an attended incident has already decided: police were there,
            // the rest belongs to 12345.
            decide(call, actor, Decision.CONFIRMED, Disposition.JOINT,
                    handOverCategory(requestedCategory, suggestion), null, requestedUrgency);
        } else if (confirm) {
            decide(call, actor, Decision.CONFIRMED, suggestion.disposition(),
                    referable(suggestion.disposition(), suggestion.categoryCode()), null, requestedUrgency);
        }
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
        call.urgency = ReferralPolicy.urgency(disposition, categoryCode, urgency);
        recorder.decided(call, actor);
        if (ReferralPolicy.isReferred(disposition)) {
            // 12345 routes on the category, so its questions are asked of it; a missing required answer refuses
            // the referral (and the whole request) with the field named
            call.attributes = CategoryQuestionJson.answersJson(questions.checked(categoryCode,
                    CategoryQuestionJson.answers(call.attributes), true));
            call.referralId = UUID.randomUUID();
            call.referredAt = now;
            recorder.referred(call, actor, now);
        }
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
