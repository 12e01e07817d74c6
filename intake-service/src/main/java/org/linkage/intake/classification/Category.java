package org.linkage.intake.classification;

/**
 * One entry of the taxonomy (data, not code).
 *
 * @param domain the citizen-message domain a non-police category belongs to (e.g. 劳动和社会保障); null for police ones
 */
public record Category(String code, String nameZh, String nameEn, String domain, boolean police) {
}
