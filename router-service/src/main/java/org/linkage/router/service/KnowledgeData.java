package org.linkage.router.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The knowledge base as its API reads and writes it. */
public final class KnowledgeData {
    private KnowledgeData() {
    }

    /** A new article or a new version of one; {@code baseVersion} is the latest version the editor saw. */
    public record ArticleInput(
            @Pattern(regexp = ReferenceData.CODE) String departmentCode,
            @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
            @NotBlank @Size(max = 200) String titleZh,
            @Size(max = 200) String titleEn,
            @NotBlank @Size(max = 20_000) String bodyZh,
            @Size(max = 20_000) String bodyEn,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> keywords,
            LocalDate validFrom,
            LocalDate validTo,
            @Positive Integer baseVersion,
            Boolean submit) {
    }

    public record ReviewInput(@NotNull Boolean approve, @Size(max = 1000) String note) {
    }

    public record SuggestionRequest(@NotBlank @Size(max = 4000) String text,
                                    @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode) {
    }

    public record VersionView(int version, String status, String categoryCode, String titleZh, String titleEn,
                              String bodyZh, String bodyEn, List<String> keywords, LocalDate validFrom,
                              LocalDate validTo, Instant createdAt, String createdBy, Instant submittedAt,
                              String submittedBy, Instant reviewedAt, String reviewedBy, String reviewNote) {
    }

    /**
     * An article as one reader sees it: {@code published} is what callers are told (null if none or no longer
     * valid); {@code latest} and {@code actions} only for its editors and reviewers.
     */
    public record ArticleView(long id, String departmentCode, String departmentNameZh, String departmentNameEn,
                              Integer publishedVersion, int latestVersion, boolean validNow, VersionView published,
                              VersionView latest, List<String> actions) {
    }

    /** An article on an editor's or reviewer's list, by its latest version. */
    public record ArticleSummary(long id, String departmentCode, int latestVersion, Integer publishedVersion,
                                 String status, String categoryCode, String titleZh, String titleEn,
                                 LocalDate validFrom, LocalDate validTo, Instant updatedAt, String updatedBy) {
    }

    /** A published, currently valid article found by search or suggested for a call, best first. */
    public record Hit(long id, int version, String titleZh, String titleEn, String categoryCode,
                      String departmentCode, List<String> keywords, String excerpt, BigDecimal score,
                      List<String> matched) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
