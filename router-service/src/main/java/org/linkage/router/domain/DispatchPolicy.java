package org.linkage.router.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who gets a ticket: the catalogue rule of its category (or the {@value #FALLBACK_CATEGORY} rule when the category
 * has none) names a lead unit and supporting units, municipal or of the ticket's district. Pure: the caller looks the
 * codes up and keeps only the active units.
 */
public final class DispatchPolicy {
    /** The category whose rule applies when a ticket's category has no rule of its own. */
    public static final String FALLBACK_CATEGORY = "OTHER";

    /** What a catalogue rule says about units, as types. */
    public record Routing(UnitRef lead, List<UnitRef> supporting) {
        public Routing {
            if (lead == null) {
                throw new IllegalArgumentException("a rule names a lead unit");
            }
            supporting = supporting == null ? List.of() : List.copyOf(supporting);
        }

        /** Builds the routing from a rule's columns; {@code supporting} is comma-separated tokens or null. */
        public static Routing of(LeadKind kind, String leadDepartmentCode, String leadFunction, String supporting) {
            UnitRef lead = kind == LeadKind.MUNICIPAL ? new UnitRef.Named(leadDepartmentCode) : new UnitRef.OfDistrict(leadFunction);
            List<UnitRef> units = new ArrayList<>();
            if (supporting != null) {
                for (String token : supporting.split(",")) {
                    if (!token.trim().isEmpty()) {
                        units.add(UnitRef.parse(token));
                    }
                }
            }
            return new Routing(lead, units);
        }

        public LeadKind leadKind() {
            return lead instanceof UnitRef.Named ? LeadKind.MUNICIPAL : LeadKind.DISTRICT;
        }
    }

    private DispatchPolicy() {
    }

    /**
     * The rule for {@code categoryCode}: its own current rule, otherwise the {@value #FALLBACK_CATEGORY} rule.
     *
     * @param currentRule the current rule of a category, if any
     */
    public static <R> Optional<R> ruleFor(String categoryCode, Function<String, Optional<R>> currentRule) {
        return currentRule.apply(categoryCode).or(() -> currentRule.apply(FALLBACK_CATEGORY));
    }

    /** The lead unit's code; empty for a district rule when the ticket's district is unknown. */
    public static Optional<String> leadCode(Routing routing, String districtCode) {
        return routing.lead().codeIn(districtCode);
    }

    /**
     * The supporting units' codes in catalogue order, each once, without the lead; district units are left out while
     * the district is unknown.
     */
    public static List<String> supportingCodes(Routing routing, String districtCode, String leadCode) {
        Set<String> codes = new LinkedHashSet<>();
        for (UnitRef unit : routing.supporting()) {
            unit.codeIn(districtCode).ifPresent(codes::add);
        }
        codes.remove(leadCode);
        return List.copyOf(codes);
    }
}
