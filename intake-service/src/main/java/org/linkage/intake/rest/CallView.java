package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.commons.audit.AuditRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One call with everything that became of it. The caller's phone and name are masked here; the full
 * contact is a separate, audited read ({@code GET /api/calls/{id}/contact}).
 */
@Schema(name = "Call", description = "来电详情 / A call and everything that became of it", example = CallView.EXAMPLE)
public record CallView(
        UUID id,
        @Schema(example = "110-20261128-000123") String callNumber,
        @Schema(description = "查询码，告知来电人 / code the caller quotes later", example = "K7M2Q9XR") String retrievalCode,
        @Schema(example = "PHONE") String channel,
        @Schema(description = "脱敏号码 / masked", example = "138****5678") String callerPhone,
        @Schema(description = "脱敏姓名 / masked", example = "张*") String callerName,
        String address,
        @Schema(example = "510107") String districtCode,
        @Schema(example = "武侯区") String districtName,
        Double latitude,
        Double longitude,
        String title,
        String content,
        Instant receivedAt,
        @Schema(example = "calltaker1") String takenBy,
        Instant createdAt,
        @Schema(description = "联动处置时的警情编号 / police incident of a joint hand-over") String incidentNumber,
        @Schema(example = "NORMAL") String urgency,
        @Schema(description = "分类器建议 / the classifier's suggestion") ClassificationView classification,
        @Schema(description = "PENDING, CONFIRMED, OVERRIDDEN or ANSWERED", example = "CONFIRMED") String decision,
        @Schema(description = "决定的处置；待确认时为空 / decided disposition; null while pending", example = "NON_POLICE")
        String disposition,
        @Schema(example = "WAGES") String categoryCode,
        String categoryNameZh,
        String categoryNameEn,
        String decidedBy,
        Instant decidedAt,
        String overrideReason,
        @Schema(description = "转12345的记录；警情无此项 / the referral to 12345; null for police matters") ReferralView referral,
        @Schema(description = "12345工单，一旦回报 / the 12345 ticket, once reported") TicketView ticket,
        @Schema(description = "审计记录 / audit trail") List<AuditRecord> audit,
        @Schema(description = "咨询直接答复；未答复时为空 / the answer from the knowledge base; null unless ANSWERED")
        AnswerView answer,
        @Schema(description = "保密件：来电人身份不告知承办单位，由12345回访 / confidential: the department never learns "
                + "who called; 12345 calls back") boolean confidential,
        @Schema(description = "会商请求（三方通话）及12345的答复；未发起时为空 / the consultation request to 12345 and its answer; "
                + "null when none") ConsultationView consultation) {

    /** A wage-arrears call confirmed as NON_POLICE and referred to 12345, as its call-taker sees it. */
    static final String EXAMPLE = """
            {"id": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "callNumber": "110-20261128-000123",
             "retrievalCode": "K7M2Q9XR", "channel": "PHONE", "callerPhone": "138****5678", "callerName": "王*",
             "address": "成都市武侯区玉林街道某工地", "districtCode": "510107", "districtName": "武侯区",
             "content": "我在工地干了三个月活，老板一直拖欠工资不给，两万多块", "receivedAt": "2026-11-28T01:30:00Z",
             "takenBy": "calltaker1", "createdAt": "2026-11-28T01:30:05Z", "urgency": "NORMAL",
             "classification": {"disposition": "NON_POLICE", "categoryCode": "WAGES", "categoryNameZh": "欠薪与劳动纠纷",
              "categoryNameEn": "Wages and labour", "confidence": 0.93, "signals": ["category: 拖欠工资"],
              "modelVersion": "nb-2026.11.28"},
             "decision": "CONFIRMED", "disposition": "NON_POLICE", "categoryCode": "WAGES",
             "categoryNameZh": "欠薪与劳动纠纷", "categoryNameEn": "Wages and labour", "decidedBy": "calltaker1",
             "decidedAt": "2026-11-28T01:31:10Z",
             "referral": {"referralId": "5d2a1f0e-8c3b-4e7a-b6d9-1a2b3c4d5e6f", "referredAt": "2026-11-28T01:31:10Z",
              "disposition": "NON_POLICE", "categoryCode": "WAGES", "urgency": "NORMAL"},
             "confidential": false}""";

    @Schema(name = "Answer")
    public record AnswerView(List<org.linkage.intake.service.CitedArticle> articles, String note) {
    }

    @Schema(name = "Classification")
    public record ClassificationView(
            @Schema(example = "NON_POLICE") String disposition,
            @Schema(example = "WAGES") String categoryCode,
            @Schema(example = "欠薪与劳动纠纷") String categoryNameZh,
            @Schema(example = "Wages and labour") String categoryNameEn,
            @Schema(example = "0.93") double confidence,
            @Schema(example = "[\"category: 拖欠工资\"]") List<String> signals,
            @Schema(example = "nb-2026.11.28") String modelVersion) {
    }

    @Schema(name = "Referral")
    public record ReferralView(UUID referralId, Instant referredAt, String disposition, String categoryCode,
                               String urgency, String incidentNumber) {
    }

    @Schema(name = "Ticket")
    public record TicketView(
            UUID ticketId,
            @Schema(example = "12345-20261128-000042") String ticketNumber,
            @Schema(example = "DISPATCHED") String status,
            @Schema(description = "DELIVERED or DEAD_LETTERED", example = "DELIVERED") String deliveryStatus,
            @Schema(example = "CD-HRSS") String departmentCode,
            @Schema(example = "成都市人力资源和社会保障局") String departmentName,
            Instant resolveBy,
            @Schema(description = "部门答复 / the department's answer") String finalAnswer,
            Instant updatedAt,
            @Schema(description = "12345侧回报的全部状态 / every status the 12345 side reported") List<StatusReport> statuses) {
    }

    @Schema(name = "TicketStatusReport")
    public record StatusReport(String status, String previousStatus, String deliveryStatus, String departmentCode,
                               String note, String answer, String actor, Instant at) {
    }
}
