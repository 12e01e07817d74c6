package org.linkage.router.domain;

import java.util.Optional;

/**
 * A unit as a dispatch rule names it: a {@link Named} unit code, or the unit of the ticket's district that carries
 * a function ({@link OfDistrict}, written {@code DISTRICT:GOV} in the catalogue). District units are coded
 * {@code <district>-<function>}, e.g. {@code 510107-URBAN}.
 */
public sealed interface UnitRef {
    /** How a district unit is written among a rule's supporting units. */
    String DISTRICT_PREFIX = "DISTRICT:";

    /** The unit's code for a ticket in {@code districtCode}; empty when the unit depends on an unknown district. */
    Optional<String> codeIn(String districtCode);

    /** How the reference is written in the catalogue. */
    String token();

    record Named(String code) implements UnitRef {
        public Named {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a unit code is required");
            }
        }

        @Override
        public Optional<String> codeIn(String districtCode) {
            return Optional.of(code);
        }

        @Override
        public String token() {
            return code;
        }
    }

    record OfDistrict(String function) implements UnitRef {
        public OfDistrict {
            if (function == null || function.isBlank()) {
                throw new IllegalArgumentException("a district function is required");
            }
        }

        @Override
        public Optional<String> codeIn(String districtCode) {
            return districtCode == null ? Optional.empty() : Optional.of(districtCode + "-" + function);
        }

        @Override
        public String token() {
            return DISTRICT_PREFIX + function;
        }
    }

    /** Reads a catalogue token: {@code DISTRICT:GOV} or a unit code. */
    static UnitRef parse(String token) {
        String s = token.trim();
        return s.startsWith(DISTRICT_PREFIX) ? new OfDistrict(s.substring(DISTRICT_PREFIX.length())) : new Named(s);
    }
}
