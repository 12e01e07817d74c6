package org.linkage.bridge.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code KEY=value;KEY2=value2}, the shape of map-valued settings that one environment variable can carry. */
public final class KeyValueSpec {
    private KeyValueSpec() {
    }

    public static Map<String, String> parse(String spec) {
        Map<String, String> values = new LinkedHashMap<>();
        if (spec == null) {
            return values;
        }
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("setting entries must look like KEY=value, got '" + entry.trim() + "'");
            }
            values.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return values;
    }
}
