package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * Intake's live classification of what the call-taker typed, with the suggested category's questions (分类必填项).
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassificationPreview(String disposition, String categoryCode, Double confidence, List<String> signals,
                                    String modelVersion, List<Question> questions) {

    /** One extra field the category asks for; {@code values} the choices of a CHOICE question. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String code, String datatype, boolean required, String labelZh, String labelEn,
                           List<Choice> values) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String key, String nameZh, String nameEn) {
    }
}
