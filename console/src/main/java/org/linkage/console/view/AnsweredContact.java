package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** A contact 12345 answered on the spot from the knowledge base, citing the articles at the versions told. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnsweredContact(String contactNumber, String line, String channel, String content, String categoryCode,
                              String districtCode, List<CitedArticle> articles, String note, String answeredBy,
                              String answeredAt) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CitedArticle(long id, int version, String titleZh, String titleEn) {
    }
}
