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
        String[] entries = spec.split(";");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                // These settings carry keys and api keys: say which entry is wrong, never what it holds.
                throw new IllegalArgumentException("setting entry " + (i + 1) + " of " + entries.length
                        + " must look like KEY=value" + (eq > 0 ? " (it has no value)" : " (it has no KEY=)"));
            }
            values.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return values;
    }
}
