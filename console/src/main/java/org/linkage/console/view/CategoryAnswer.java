package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A ticket's answer to one of its category's questions (分类必填项), labelled for people. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryAnswer(String code, String labelZh, String labelEn, String datatype, String value,
                             String valueZh, String valueEn) {
}
