package org.linkage.router.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linkage.router.domain.UnitRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reference data as the admin API reads and writes it. */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static final String CODE = "[A-Za-z0-9-]{2,40}";

    public record DepartmentData(
            @NotBlank @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull @Pattern(regexp = "MUNICIPAL|DISTRICT|STREET") String level,
            @Pattern(regexp = CODE) String parentCode,
            @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
            @NotNull @Pattern(regexp = "WEBHOOK|OPEN311|NONE") String adapter,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") String endpointUrl,
            Boolean active,
            Instant updatedAt,
            String updatedBy) {
    }

    public record DistrictData(
            @NotBlank @Pattern(regexp = org.linkage.events.DistrictChanged.CODE_PATTERN) @Size(max = 20) String code,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            @NotBlank @Size(max = 100) String city,
            Boolean active,
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> streets,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> aliases) {
    }

    public record RuleData(
            @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
            Integer version,
            @NotNull @Pattern(regexp = "MUNICIPAL|DISTRICT") String leadKind,
            @Pattern(regexp = CODE) String leadDepartmentCode,
            @Pattern(regexp = "GOV|URBAN") String leadFunction,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = CODE + "|" + UnitRef.DISTRICT_PREFIX + "(GOV|URBAN)") String> supporting,
            @NotNull @Pattern(regexp = "NORMAL|URGENT|EXTRA_URGENT") String defaultUrgency,
            @NotBlank String signLimit,
            @NotBlank String resolveLimit,
            Boolean callbackRequired,
            Boolean current,
            Instant createdAt,
            String createdBy,
            Boolean attachmentRequired) {
    }

    public record CalendarData(
            @NotNull @Size(max = 120) List<@NotNull @Valid Day> holidays,
            @NotNull @Size(max = 60) List<@NotNull @Valid Day> workdays) {
    }

    public record Day(@NotNull LocalDate date, @Size(max = 100) String name) {
    }
}
