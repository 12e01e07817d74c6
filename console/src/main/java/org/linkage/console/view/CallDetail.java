package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * One call with everything that became of it (intake's GET /api/calls/{id}); the caller's phone and name masked,
 * the full contact being a separate, audited read ({@link Contact}).
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallDetail(String id, String callNumber, String retrievalCode, String channel, String callerPhone,
                         String callerName, String address, String districtCode, String districtName, String title,
                         String content, String receivedAt, String takenBy, String incidentNumber, String urgency,
                         Classification classification, String decision, String disposition, String categoryCode,
                         String categoryNameZh, String categoryNameEn, String decidedBy, String decidedAt,
                         String overrideReason, Referral referral, Ticket ticket, List<AuditEntry> audit,
                         Answer answer, boolean confidential, Consultation consultation) {

    /** The classifier's suggestion. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classification(String disposition, String categoryCode, String categoryNameZh, String categoryNameEn,
                                 Double confidence, List<String> signals, String modelVersion) {
    }

    /** The referral to 12345; absent for a police matter. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String referralId, String referredAt, String disposition, String categoryCode,
                           String urgency, String incidentNumber) {
    }

    /** The 12345 ticket as the router reported it back to intake. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ticket(String ticketId, String ticketNumber, String status, String deliveryStatus,
                         String departmentCode, String departmentName, String resolveBy, String finalAnswer,
                         String updatedAt, List<StatusReport> statuses) {
    }

    /** One status the 12345 side reported. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusReport(String status, String previousStatus, String deliveryStatus, String departmentCode,
                               String note, String answer, String actor, String at) {
    }

    /** An entry of the call's audit trail. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEntry(String action, String actor, String reason, String at) {
    }

    /** 咨询直接答复: the articles the answer came from and the call-taker's note. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(List<CitedArticle> articles, String note) {
    }

    /** A cited article at the version and title the caller was told. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CitedArticle(Long id, Integer version, String title) {
    }

    /** 三方通话 in data: the consultation request to 12345 and its answer. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consultation(String id, String status, String note, String requestedBy, String requestedAt,
                               String expiresAt, String decidedBy, String decidedAt, String reason,
                               String categoryCode) {
    }
}
