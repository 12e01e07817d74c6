package org.linkage.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.District;
import org.linkage.intake.service.DistrictDirectory;
import org.linkage.commons.privacy.Masking;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.TicketStatusReportRepository;
import org.linkage.intake.service.AuditActions;
import org.linkage.intake.service.CallQueries;

import java.util.Optional;

/** Maps stored calls to what the API shows, masking personal data on the way out. */
@ApplicationScoped
public class CallViews {
    private static final int EXCERPT = 60;

    private final Taxonomy taxonomy;
    private final DistrictDirectory districts;
    private final CallQueries queries;
    private final TicketStatusReportRepository reports;
    private final AuditTrail audit;
    private final org.linkage.intake.service.CallRecorder recorder;
    private final org.linkage.intake.repository.ConsultationRepository consultations;

    public CallViews(Taxonomy taxonomy, DistrictDirectory districts, CallQueries queries, TicketStatusReportRepository reports,
                     AuditTrail audit, org.linkage.intake.service.CallRecorder recorder,
                     org.linkage.intake.repository.ConsultationRepository consultations) {
        this.recorder = recorder;
        this.consultations = consultations;
        this.taxonomy = taxonomy;
        this.districts = districts;
        this.queries = queries;
        this.audit = audit;
        this.reports = reports;
    }

    /**
     * Its reads (audit trail, status reports, district, consultation) share one transaction, the caller's or their own:
     * one commit for the view instead of one per read.
     */
    @Transactional
    public CallView detail(CallEntity c) {
        Optional<Category> suggested = taxonomy.byCode(c.suggestedCategory);
        Optional<Category> decided = taxonomy.byCode(c.categoryCode);
        var classification = new CallView.ClassificationView(c.suggestedDisposition.name(), c.suggestedCategory,
                suggested.map(Category::nameZh).orElse(null), suggested.map(Category::nameEn).orElse(null),
                c.confidence, queries.signals(c), c.modelVersion);
        var referral = c.referralId == null ? null : new CallView.ReferralView(c.referralId, c.referredAt,
                name(c.disposition), c.categoryCode, name(c.urgency), c.incidentNumber);
        var ticket = c.ticketId == null ? null : new CallView.TicketView(c.ticketId, c.ticketNumber, c.ticketStatus,
                c.deliveryStatus, c.departmentCode, c.departmentName, c.resolveBy, c.finalAnswer, c.ticketUpdatedAt,
                reports.ofCall(c.id).stream().map(r -> new CallView.StatusReport(r.status, r.previousStatus,
                        r.deliveryStatus, r.departmentCode, r.note, r.answer, r.actor, r.at)).toList());
        return new CallView(c.id, c.callNumber, c.retrievalCode, c.channel.name(), Masking.phone(c.callerPhone),
                Masking.name(c.callerName), c.address, c.districtCode,
                districts.byCode(c.districtCode).map(District::nameZh).orElse(null), c.latitude, c.longitude, c.title,
                c.content, c.receivedAt, c.takenBy, c.createdAt, c.incidentNumber, name(c.urgency), classification,
                c.decision.name(), name(c.disposition), c.categoryCode, decided.map(Category::nameZh).orElse(null),
                decided.map(Category::nameEn).orElse(null), c.decidedBy, c.decidedAt, c.overrideReason, referral, ticket,
                audit.of(AuditActions.CALL, c.id), c.decision == org.linkage.intake.domain.Decision.ANSWERED
                        ? new CallView.AnswerView(recorder.answerArticles(c), c.answerNote) : null, c.confidential,
                ConsultationView.of(consultations.ofCall(c.id).orElse(null)));
    }

    public CallSummary summary(CallEntity c) {
        String excerpt = c.content.length() <= EXCERPT ? c.content : c.content.substring(0, EXCERPT) + "…";
        return new CallSummary(c.id, c.callNumber, c.channel.name(), Masking.phone(c.callerPhone),
                Masking.name(c.callerName), c.receivedAt, c.districtCode,
                name(c.disposition != null ? c.disposition : c.suggestedDisposition), c.decision.name(),
                c.categoryCode != null ? c.categoryCode : c.suggestedCategory, excerpt, c.ticketNumber, c.ticketStatus,
                c.takenBy, c.deliveryStatus, c.departmentName, c.resolveBy, c.finalAnswer);
    }

    public PoliceTransferView transfer(PoliceTransferEntity t, boolean unmasked) {
        return new PoliceTransferView(t.id, t.ticketId, t.ticketNumber, t.callId, t.origin, t.reason, t.content,
                t.address, t.districtCode, unmasked ? t.callerPhone : Masking.phone(t.callerPhone),
                unmasked ? t.callerName : Masking.name(t.callerName), t.transferredBy, t.transferredAt, t.receivedAt,
                t.state.name(), t.acceptedBy, t.acceptedAt, t.incidentNumber, t.note);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
