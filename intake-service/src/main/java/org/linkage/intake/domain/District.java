package org.linkage.intake.domain;

/** A county-level unit (GB/T 2260 code) or a zone without one, as configured for the city. */
public record District(String code, String nameZh, String nameEn) {
}
