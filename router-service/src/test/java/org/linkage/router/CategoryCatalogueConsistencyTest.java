package org.linkage.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A category is written in three places: intake's taxonomy (what a call is classified as), the router's dispatch
 * catalogue seed (who gets it) and the bridge's Open311 service list (what 311 clients may file). They must agree:
 * every non-police category of the taxonomy has a dispatch rule and an Open311 service with the same names, and no
 * police category (which never leaves 110) has either. Plain files, no container.
 */
class CategoryCatalogueConsistencyTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path TAXONOMY = ROOT.resolve("intake-service/src/main/resources/classification/taxonomy.csv");
    private static final Path MIGRATIONS = ROOT.resolve("router-service/src/main/resources/db/migration");
    private static final Path OPEN311 = ROOT.resolve("hotline-bridge/src/main/resources/open311/services.json");

    private record Category(String code, String nameZh, String nameEn, String domain, boolean police) {
    }

    @Test
    void everyNonPoliceCategoryHasADispatchRuleAndNothingElseDoes() throws IOException {
        assertEquals(nonPoliceCodes(), seededRuleCategories(),
                "categories of the taxonomy (non-police) and of the dispatch-rule seed in " + MIGRATIONS);
    }

    @Test
    void everyNonPoliceCategoryIsAnOpen311ServiceWithTheSameNames() throws IOException {
        Map<String, Category> taxonomy = taxonomy();
        Map<String, JsonNode> services = open311Services();
        assertEquals(nonPoliceCodes(), new TreeSet<>(services.keySet()), "taxonomy (non-police) and " + OPEN311);
        for (JsonNode s : services.values()) {
            Category c = taxonomy.get(s.get("code").asText());
            assertEquals(c.nameZh(), s.get("nameZh").asText(), c.code() + " nameZh");
            assertEquals(c.nameEn(), s.get("nameEn").asText(), c.code() + " nameEn");
            if (!c.domain().isEmpty()) {
                assertTrue(s.get("group").asText().startsWith(c.domain()),
                        c.code() + ": the Open311 group " + s.get("group").asText() + " is not the domain " + c.domain());
            }
        }
    }

    @Test
    void theFallbackCategoryIsEverywhere() throws IOException {
        assertTrue(nonPoliceCodes().contains("OTHER"));
        assertFalse(taxonomy().values().stream().filter(Category::police).toList().isEmpty(), "the taxonomy lists police categories");
    }

    private Set<String> nonPoliceCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        taxonomy().values().stream().filter(c -> !c.police()).forEach(c -> codes.add(c.code()));
        return codes;
    }

    private static Map<String, Category> taxonomy() throws IOException {
        Map<String, Category> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(TAXONOMY, StandardCharsets.UTF_8);
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> f = csv(line);
            out.put(f.get(0), new Category(f.get(0), f.get(1), f.get(2), f.get(3), Boolean.parseBoolean(f.get(4))));
        }
        return out;
    }

    /** One CSV line with optional double-quoted fields (as {@code "Education, culture and sport"}). */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        fields.add(cur.toString());
        return fields;
    }

    private static final Pattern RULE_INSERT = Pattern.compile("insert\\s+into\\s+dispatch_rule\\s*\\([^)]*\\)\\s*values(.*?);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROW_CATEGORY = Pattern.compile("\\(\\s*'([A-Z_]+)'");

    /** The categories the Flyway migrations seed rules for. */
    private static Set<String> seededRuleCategories() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path script : scripts) {
            Matcher insert = RULE_INSERT.matcher(Files.readString(script, StandardCharsets.UTF_8));
            while (insert.find()) {
                Matcher row = ROW_CATEGORY.matcher(insert.group(1));
                while (row.find()) {
                    codes.add(row.group(1));
                }
            }
        }
        assertFalse(codes.isEmpty(), "no dispatch_rule seed found in " + MIGRATIONS);
        return codes;
    }

    private static Map<String, JsonNode> open311Services() throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(OPEN311.toFile())) {
            out.put(s.get("code").asText(), s);
        }
        return out;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("intake-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository: intake-service/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
