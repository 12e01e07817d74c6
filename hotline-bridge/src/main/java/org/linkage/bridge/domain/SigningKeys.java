package org.linkage.bridge.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of one department's webhook: {@code current} signs, and during a rotation
 * {@code previous} is still accepted (and also signed with, for receivers not yet switched).
 */
public record SigningKeys(String current, String previous) {
    public SigningKeys {
        if (current == null || current.isBlank()) {
            throw new IllegalArgumentException("a signing key is required");
        }
        if (previous != null && previous.isBlank()) {
            previous = null;
        }
    }

    /**
     * Parses {@code DEPT=current[|previous];DEPT2=...}, the form one environment variable can carry.
     * Blank entries are ignored; a malformed entry fails fast so a typo cannot silently unsign a department.
     */
    public static Map<String, SigningKeys> parse(String spec) {
        Map<String, SigningKeys> keys = new LinkedHashMap<>();
        KeyValueSpec.parse(spec).forEach((department, value) -> keys.put(department, of(value)));
        return keys;
    }

    /** Parses {@code current[|previous]}. */
    public static SigningKeys of(String value) {
        String[] secrets = value.trim().split("\\|", -1);
        return new SigningKeys(secrets[0].trim(), secrets.length > 1 ? secrets[1].trim() : null);
    }

    @Override
    public String toString() {
        // Never print secrets, not even in a debug log.
        return "SigningKeys[current=***" + (previous == null ? "" : ", previous=***") + "]";
    }
}
