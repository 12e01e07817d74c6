package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A knowledge-base article as one reader sees it: {@code published} is what callers are told (null if none or no
 * longer valid); {@code latest} and {@code actions} only for its editors and reviewers.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnowledgeArticle(long id, String departmentCode, String departmentNameZh, String departmentNameEn,
                               Integer publishedVersion, int latestVersion, boolean validNow, Version published,
                               Version latest, List<String> actions) {

    /** One version of the article, with its review. Dates ({@code validFrom}, {@code validTo}) as yyyy-MM-dd. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(int version, String status, String categoryCode, String titleZh, String titleEn,
                          String bodyZh, String bodyEn, List<String> keywords, String validFrom, String validTo,
                          String createdAt, String createdBy, String submittedAt, String submittedBy,
                          String reviewedAt, String reviewedBy, String reviewNote) {
    }
}
