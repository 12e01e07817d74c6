package org.linkage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every operation of a service's {@code /q/openapi} must say, read from the document as JSON maps: a summary,
 * the security it requires, and, where it takes or answers JSON, an example. Each service's OpenApiTest asks these
 * of its document and compares with the operations it still lists as owing one, so a new endpoint must say them all.
 */
public final class OpenApiRules {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Set to a file path, {@link #assertComplete} writes what the document still owes there instead of checking. */
    public static final String WRITE_OWING = "linkage.openapi.write-owing";

    private OpenApiRules() {
    }

    /**
     * Fails unless every operation has a summary and its security, and an example where it takes or answers JSON,
     * except those the class-path resource {@code owing} lists (lines {@code summary GET /api/…} and
     * {@code example POST /api/…}, the operations not yet documented). It fails too when a listed operation no longer
     * owes it, so the list only ever shrinks. With {@code -Dlinkage.openapi.write-owing=FILE} it writes the list.
     */
    public static void assertComplete(Map<String, Object> document, String owing) {
        Set<String> now = new TreeSet<>();
        withoutSummaryOrSecurity(document).forEach(op -> now.add("summary " + op));
        withoutExample(document).forEach(op -> now.add("example " + op));
        withoutProblemBody(document).forEach(op -> now.add("problem " + op));
        String target = System.getProperty(WRITE_OWING);
        if (target != null && !target.isBlank()) {
            try {
                Files.writeString(Path.of(target), String.join("\n", now) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertTrue(operations(document).size() > 3, "the document lists operations: " + operations(document));
        Set<String> listed = listed(owing);
        Set<String> added = new TreeSet<>(now);
        added.removeAll(listed);
        assertEquals(Set.of(), added, "operations without a summary, security or example (add them: see"
                + " CONTRIBUTING.md, \"The API explains itself\")");
        Set<String> paid = new TreeSet<>(listed);
        paid.removeAll(now);
        assertEquals(Set.of(), paid, "documented now: remove these lines from " + owing);
    }

    private static Set<String> listed(String resource) {
        Set<String> lines = new TreeSet<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return lines;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** Every API operation ({@code "POST /api/calls"}) under {@code /api/}. */
    public static Set<String> operations(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        forEach(document, (name, op) -> found.add(name));
        return found;
    }

    /** Operations with no summary or no security requirement. */
    public static Set<String> withoutSummaryOrSecurity(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        forEach(document, (name, op) -> {
            if (blank(op.get("summary")) || op.get("security") == null) {
                found.add(name);
            }
        });
        return found;
    }

    /**
     * Operations whose JSON request body, or JSON answer on success, has no example: none on the media type, nor on
     * its schema (inline, or the component it refers to).
     */
    public static Set<String> withoutExample(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        forEach(document, (name, op) -> {
            Object body = op.get("requestBody");
            if (body instanceof Map<?, ?> b && !jsonHasExample(document, b.get("content"))) {
                found.add(name);
            }
            if (op.get("responses") instanceof Map<?, ?> responses) {
                for (var r : responses.entrySet()) {
                    if (String.valueOf(r.getKey()).startsWith("2") && r.getValue() instanceof Map<?, ?> response
                            && !jsonHasExample(document, response.get("content"))) {
                        found.add(name);
                    }
                }
            }
        });
        return found;
    }

    /** Operations naming a failure (a 4xx answer) that the document does not show as {@code application/problem+json}. */
    public static Set<String> withoutProblemBody(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        forEach(document, (name, op) -> {
            if (op.get("responses") instanceof Map<?, ?> responses) {
                for (var r : responses.entrySet()) {
                    if (String.valueOf(r.getKey()).startsWith("4") && !(r.getValue() instanceof Map<?, ?> response
                            && response.get("content") instanceof Map<?, ?> media
                            && media.containsKey(PROBLEM_JSON))) {
                        found.add(name);
                    }
                }
            }
        });
        return found;
    }

    /**
     * What a reader of the most used operations relies on, beyond {@link #assertComplete}: each named operation
     * ({@code "POST /api/calls"}) exists, shows its JSON request and its JSON answers by example, with Chinese content
     * in the request (or, with no request body, in an answer), and names at least one failure of its own (a 4xx
     * besides the 401 and 403 every secured operation has) as problem+json.
     */
    public static void assertExplained(Map<String, Object> document, String... operations) {
        Map<String, Map<?, ?>> all = new java.util.HashMap<>();
        forEach(document, all::put);
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String name : operations) {
            Map<?, ?> op = all.get(name);
            if (op == null) {
                missing.add(name + ": not in the document");
                continue;
            }
            boolean chinese = false;
            if (op.get("requestBody") instanceof Map<?, ?> b) {
                if (!jsonHasExample(document, b.get("content"))) {
                    missing.add(name + ": no example request");
                }
                chinese = chineseExample(document, b.get("content"));
                if (!chinese) {
                    missing.add(name + ": no example request with Chinese content");
                }
            }
            boolean ownFailure = false;
            if (op.get("responses") instanceof Map<?, ?> responses) {
                for (var r : responses.entrySet()) {
                    String code = String.valueOf(r.getKey());
                    Map<?, ?> response = r.getValue() instanceof Map<?, ?> m ? m : Map.of();
                    if (code.startsWith("2")) {
                        if (!jsonHasExample(document, response.get("content"))) {
                            missing.add(name + ": no example answer " + code);
                        }
                        chinese |= op.get("requestBody") == null && chineseExample(document, response.get("content"));
                    }
                    if (code.startsWith("4") && !code.equals("401") && !code.equals("403")
                            && response.get("content") instanceof Map<?, ?> media && media.containsKey(PROBLEM_JSON)) {
                        ownFailure = true;
                    }
                }
            }
            if (!ownFailure) {
                missing.add(name + ": names no failure of its own as problem+json");
            }
            if (op.get("requestBody") == null && !chinese) {
                missing.add(name + ": no example answer with Chinese content");
            }
        }
        assertEquals(java.util.List.of(), missing, "see CONTRIBUTING.md, \"The API explains itself\"");
    }

    private static boolean chineseExample(Map<String, Object> document, Object content) {
        if (!(content instanceof Map<?, ?> media) || !(media.get("application/json") instanceof Map<?, ?> json)) {
            return false;
        }
        StringBuilder shown = new StringBuilder();
        shown.append(json.get("example")).append(json.get("examples"));
        Object schema = json.get("schema");
        if (schema instanceof Map<?, ?> s && s.get("$ref") instanceof String ref
                && ref.startsWith("#/components/schemas/")) {
            schema = component(document, ref.substring("#/components/schemas/".length()));
        }
        if (schema instanceof Map<?, ?> s) {
            shown.append(s.get("example")).append(s.get("examples"));
        }
        return shown.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Operations that name no problem response (a 4xx answer). */
    public static Set<String> withoutProblemResponses(Map<String, Object> document) {
        Set<String> found = new TreeSet<>();
        forEach(document, (name, op) -> {
            if (!(op.get("responses") instanceof Map<?, ?> responses)
                    || responses.keySet().stream().noneMatch(k -> String.valueOf(k).startsWith("4"))) {
                found.add(name);
            }
        });
        return found;
    }

    private static boolean jsonHasExample(Map<String, Object> document, Object content) {
        if (!(content instanceof Map<?, ?> media) || !(media.get("application/json") instanceof Map<?, ?> json)) {
            return true; // no JSON here: nothing to show by example
        }
        if (json.get("example") != null || json.get("examples") != null) {
            return true;
        }
        Object schema = json.get("schema");
        if (schema instanceof Map<?, ?> s && s.get("$ref") instanceof String ref
                && ref.startsWith("#/components/schemas/")) {
            schema = component(document, ref.substring("#/components/schemas/".length()));
        }
        return schema instanceof Map<?, ?> s && (s.get("example") != null
                || s.get("examples") instanceof java.util.List<?> l && !l.isEmpty());
    }

    private static Object component(Map<String, Object> document, String name) {
        return document.get("components") instanceof Map<?, ?> c && c.get("schemas") instanceof Map<?, ?> schemas
                ? schemas.get(name) : null;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private interface Visitor {
        void visit(String name, Map<?, ?> operation);
    }

    private static void forEach(Map<String, Object> document, Visitor visitor) {
        if (!(document.get("paths") instanceof Map<?, ?> paths)) {
            return;
        }
        for (var path : paths.entrySet()) {
            String p = String.valueOf(path.getKey());
            if (!p.startsWith("/api/") || !(path.getValue() instanceof Map<?, ?> item)) {
                continue;
            }
            for (var op : item.entrySet()) {
                String method = String.valueOf(op.getKey());
                if (METHODS.contains(method) && op.getValue() instanceof Map<?, ?> operation) {
                    visitor.visit(method.toUpperCase() + " " + p, operation);
                }
            }
        }
    }
}
