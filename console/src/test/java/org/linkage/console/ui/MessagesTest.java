package org.linkage.console.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No screen is half translated: every word a template or a code list uses exists in Chinese and in English. */
class MessagesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern WORD = Pattern.compile("\\{m:([A-Za-z0-9_]+)");
    private static final Pattern LABEL = Pattern.compile("fmt:label\\('([A-Za-z_]+)'");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(Messages.of("zh").keySet()), new TreeSet<>(Messages.of("en").keySet()));
    }

    @Test
    void everyWordATemplateUsesExistsInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String key : templateMatches(WORD)) {
            for (String lang : Messages.LANGUAGES) {
                if (!Messages.of(lang).containsKey(key)) {
                    missing.add(lang + ":" + key);
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing words: " + missing);
    }

    @Test
    void everyCodeAFormOffersHasALabelInBothLanguages() throws IOException {
        Set<String> labelled = templateMatches(LABEL);
        List<String> missing = new ArrayList<>();
        Codes.ALL.forEach((group, codes) -> {
            String labelGroup = switch (group) {
                case "step", "level_supervision" -> "supervision";
                case "trendBy" -> "groupBy";
                case "leadKind" -> "level";
                default -> group;
            };
            if (group.equals("adapter")) {
                return; // adapter codes are technical names, shown as they are
            }
            for (String code : codes) {
                for (String lang : Messages.LANGUAGES) {
                    if (!Messages.of(lang).containsKey(labelGroup + "_" + code)) {
                        missing.add(lang + ":" + labelGroup + "_" + code);
                    }
                }
            }
        });
        assertTrue(missing.isEmpty(), "missing labels: " + missing);
        assertTrue(labelled.contains("status") && labelled.contains("disposition"), "templates label codes through fmt:label");
    }

    @Test
    void aWordMissingFromTheBundleShowsItsKeyNotABlank() {
        assertEquals("[no_such_word]", Messages.text("zh", "no_such_word"));
        assertEquals("SOME_CODE", Messages.label("en", "status", "SOME_CODE"));
        assertEquals("已签收", Messages.label("zh", "status", "SIGNED"));
        assertEquals("Signed", Messages.label("en", "status", "SIGNED"));
    }

    private static Set<String> templateMatches(Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = pattern.matcher(Files.readString(p));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }
}
