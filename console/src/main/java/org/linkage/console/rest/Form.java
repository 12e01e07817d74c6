package org.linkage.console.rest;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.LinkedHashMap;
import java.util.Map;

/** A submitted form: trimmed values, blank as absent, and what was typed kept to re-fill the form on an error. */
record Form(MultivaluedMap<String, String> fields) {
    String get(String name) {
        String v = fields == null ? null : fields.getFirst(name);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    boolean checked(String name) {
        String v = get(name);
        return "true".equals(v) || "on".equals(v) || "yes".equals(v);
    }

    /** Every field as typed (for re-filling), the CSRF token left out. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (!k.startsWith("csrf") && !v.isEmpty()) {
                    out.put(k, v.get(0));
                }
            });
        }
        return out;
    }
}
