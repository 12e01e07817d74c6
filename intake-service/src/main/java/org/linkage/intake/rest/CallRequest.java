package org.linkage.intake.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.domain.Channel;
import org.linkage.events.Urgency;

import java.time.OffsetDateTime;

/** A call as the call-taker (or an officer, for a report) submits it. */
@Schema(name = "CallRequest", description = "来电 / A call to 110", example = """
        {"callerPhone": "13812345678", "callerName": "王先生", "channel": "PHONE",
         "address": "成都市武侯区玉林街道某工地", "districtCode": "510107",
         "content": "我在工地干了三个月活，老板一直拖欠工资不给，两万多块",
         "receivedAt": "2026-11-27T09:30:00+08:00", "confirm": true}""")
public record CallRequest(
        @Schema(description = "来电渠道 / channel; PHONE when absent", example = "PHONE")
        Channel channel,
        @Schema(description = "来电号码：手机、带区号固话或+86 / caller phone: mobile, landline with area code, or +86",
                example = "13812345678", required = true)
        @NotBlank @Size(max = 32) @MainlandPhone
        String callerPhone,
        @Schema(description = "来电人姓名 / caller name", example = "张先生")
        @Size(max = 100)
        String callerName,
        @Schema(description = "地址 / address as the caller gave it", example = "武侯区天府大道北段1700号环球中心工地",
                required = true)
        @NotBlank @Size(max = 500)
        String address,
        @Schema(description = "区县代码（GB/T 2260或功能区代码） / district code (GB/T 2260, or a zone code)",
                example = "510107")
        @Pattern(regexp = DISTRICT_CODE) @Size(max = 20)
        String districtCode,
        @Schema(description = "纬度 / latitude (WGS-84)", example = "30.5702")
        @DecimalMin("-90") @DecimalMax("90")
        Double latitude,
        @Schema(description = "经度 / longitude (WGS-84)", example = "104.0647")
        @DecimalMin("-180") @DecimalMax("180")
        Double longitude,
        @Schema(description = "标题（书面渠道） / subject line of written channels", example = "工资拖欠")
        @Size(max = 200)
        String title,
        @Schema(description = "来电内容 / what the caller said", required = true,
                example = "我在工地干了三个月活，老板一直拖欠工资不给，两万多块")
        @NotBlank @Size(max = 4000)
        String content,
        @Schema(description = "接警时间；缺省为当前时间 / when the call was received; now when absent",
                example = "2026-11-28T09:30:00+08:00")
        OffsetDateTime receivedAt,
        @Schema(description = "紧急程度；缺省按处置推定 / urgency; derived from the disposition when absent",
                example = "NORMAL")
        Urgency urgency,
        @Schema(description = "一键转接：按建议直接确认 / one-click transfer: confirm the suggestion at once",
                example = "true")
        Boolean confirm,
        @Schema(description = "来电人不要短信回执（受理、答复） / the caller wants no text-message receipts (ticket made, "
                + "answered); false when absent", example = "false")
        Boolean receiptsOptOut,
        @Schema(description = "保密：来电人要求不向承办单位透露身份，由12345回访 / confidential: the caller's name and phone "
                + "never reach the department, 12345 calls back; false when absent", example = "false")
        Boolean confidential,
        @Schema(description = "分类必填项的回答，键为问题代码（见 GET /api/categories/{code}/questions） / answers to the "
                + "category's questions, keyed by question code", example = "{\"amount\": \"20000\", \"employer\": \"某建筑劳务公司\"}")
        @Size(max = 20)
        java.util.Map<String, @Size(max = 500) String> attributes) {

    /** GB/T 2260 six digits, or a configured zone code such as CD-HIGHTECH. */
    public static final String DISTRICT_CODE = org.linkage.events.DistrictChanged.CODE_PATTERN;
}
