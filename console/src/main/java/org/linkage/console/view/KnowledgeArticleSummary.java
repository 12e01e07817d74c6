package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** An article on an editor's or reviewer's list, by its latest version. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnowledgeArticleSummary(long id, String departmentCode, int latestVersion, Integer publishedVersion,
                                      String status, String categoryCode, String titleZh, String titleEn,
                                      String validFrom, String validTo, String updatedAt, String updatedBy) {
}
