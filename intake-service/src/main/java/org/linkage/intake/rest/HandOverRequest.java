package org.linkage.intake.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.events.Urgency;

import java.time.OffsetDateTime;

/** The non-police rest of an attended incident, reported by the officer (联动处置). */
@Schema(name = "HandOverRequest", description = "民警现场移交 / An officer's hand-over of the non-police rest of an incident",
        example = """
        {"content": "工地欠薪纠纷，现场已调解平息，需劳动部门跟进处理欠薪两万元", "address": "武侯区天府大道北段1700号",
         "districtCode": "510107", "latitude": 30.5702, "longitude": 104.0647, "callerPhone": "13812345678",
         "callerName": "李女士", "categoryCode": "WAGES", "urgency": "URGENT",
         "receivedAt": "2026-11-28T09:30:00+08:00", "confidential": false,
         "attributes": {"amount": "20000", "employer": "某建筑劳务公司"}}""")
public record HandOverRequest(
        @Schema(description = "移交内容 / what remains to be handled", required = true,
                example = "工地欠薪纠纷，现场已调解平息，需劳动部门跟进处理欠薪两万元")
        @NotBlank @Size(max = 4000)
        String content,
        @Schema(description = "地址 / address", example = "武侯区天府大道北段1700号", required = true)
        @NotBlank @Size(max = 500)
        String address,
        @Schema(description = "区县代码 / district code", example = "510107")
        @Pattern(regexp = CallRequest.DISTRICT_CODE) @Size(max = 20)
        String districtCode,
        @Schema(example = "30.5702") @DecimalMin("-90") @DecimalMax("90")
        Double latitude,
        @Schema(example = "104.0647") @DecimalMin("-180") @DecimalMax("180")
        Double longitude,
        @Schema(description = "当事人电话 / phone of the party 12345 should call", example = "13812345678")
        @Size(max = 32) @MainlandPhone
        String callerPhone,
        @Schema(description = "当事人姓名 / name of that party", example = "李女士")
        @Size(max = 100)
        String callerName,
        @Schema(description = "非警务类别；缺省由分类器推定 / non-police category; suggested when absent", example = "WAGES")
        @Size(max = 40)
        String categoryCode,
        @Schema(description = "紧急程度；缺省为紧急 / urgency; URGENT when absent", example = "URGENT")
        Urgency urgency,
        @Schema(description = "出警时间 / when the incident was reported", example = "2026-11-28T09:30:00+08:00")
        OffsetDateTime receivedAt,
        @Schema(description = "保密：当事人要求不向承办单位透露身份，由12345回访 / confidential: the party's name and phone "
                + "never reach the department, 12345 calls back; false when absent", example = "false")
        Boolean confidential,
        @Schema(description = "分类必填项的回答，键为问题代码（见 GET /api/categories/{code}/questions） / answers to the "
                + "category's questions, keyed by question code", example = "{\"amount\": \"20000\", \"employer\": \"某建筑劳务公司\"}")
        @Size(max = 20)
        java.util.Map<String, @Size(max = 500) String> attributes) {
}
