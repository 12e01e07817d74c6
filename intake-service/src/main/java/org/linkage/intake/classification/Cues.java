package org.linkage.intake.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword cues of the classifier, loaded from {@code classification/cues.txt} (data, so a supervisor can add a
 * phrase call-takers keep hearing without a code change). Matching indexes cues by their first character so one pass
 * over the text finds every occurrence, whatever the number of cues.
 */
public final class Cues {

    public static final String RESOURCE = "classification/cues.txt";

    public enum Kind { DANGER, WEAK, SUBJECT, CONTEXT, DEFAULT, NOT_DANGER, PAIR_WHO, PAIR_WHAT, NEGATION, FILLER, INVALID, NOISE, NOT_A_REPORT, COMPOUND, NO_MATTER, SILENT, HANDOVER,
        QUOTED, REFUTED, FINDING, RESOLVED, CALM, INJURY, PAST, CLAIM, FRESH, RETRACT,
        TRACE, MATTER, CHEAT, TRANSFER, GOODS, BOUGHT, UNFOUND, QUESTION, FIELD, CONFIRMED, LIE, CLOSED, FALLEN, CORRECTED,
        UNTOUCHED, MEDIA, SAFE, PRETEXT, PRETEXT_AFTER, PIVOT, NOT_SUBJECT, REPORT, HEALED, ADVERT }

    /** @param priority line number in the file: lower wins when several police categories have live cues */
    public record Cue(Kind kind, String code, String text, int priority) {
    }

    /** An occurrence of a cue at [start, end) of the searched text. */
    public record Match(Cue cue, int start, int end) {
        boolean overlaps(Match other) {
            return start < other.end && other.start < end;
        }

        boolean within(Match other) {
            return other.start <= start && end <= other.end;
        }
    }

    private final Cue[][] byFirstChar = new Cue[Character.MAX_VALUE + 1][];   // indexed by char: no boxing per character
    private final Map<Kind, List<Cue>> byKind;
    private final String fingerprint;

    public Cues(List<Cue> cues) {
        Map<Character, List<Cue>> index = new HashMap<>();
        Map<Kind, List<Cue>> kinds = new HashMap<>();
        for (Cue cue : cues) {
            index.computeIfAbsent(cue.text().charAt(0), k -> new ArrayList<>()).add(cue);
            kinds.computeIfAbsent(cue.kind(), k -> new ArrayList<>()).add(cue);
        }
        // longest first, so the first hit at a position is the most specific phrase
        index.forEach((c, list) -> byFirstChar[c] = list.stream()
                .sorted(Comparator.comparingInt((Cue q) -> -q.text().length()).thenComparingInt(Cue::priority))
                .toArray(Cue[]::new));
        this.byKind = kinds;
        StringBuilder all = new StringBuilder();
        cues.forEach(c -> all.append(c.kind()).append('\t').append(c.code()).append('\t').append(c.text()).append('\n'));
        this.fingerprint = DomainModel.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** SHA-256 of the cue lists: part of the classifier's version, so a changed list is a new version. */
    public String fingerprint() {
        return fingerprint;
    }

    public static Cues loadDefault() {
        InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        List<Cue> cues = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                boolean pair = parts[0].strip().equals("PAIR");
                Kind kind = pair ? Kind.PAIR_WHO : Kind.valueOf(parts[0].strip());
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 2; i < parts.length; i++) {
                    String text = TextNormalizer.normalize(parts[i]);
                    if (pair && text.equals("+")) {
                        kind = Kind.PAIR_WHAT;
                        seen.clear();
                    } else if (!text.isEmpty() && seen.add(text)) {
                        // the line number ties the two halves of a PAIR together and ranks DANGER lines
                        cues.add(new Cue(kind, parts[1].strip(), text, number));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cues(cues);
    }

    public List<Cue> of(Kind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Every occurrence of every cue of the given kinds in a normalised text (overlapping occurrences included). */
    public List<Match> find(String text, Set<Kind> kinds) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            Cue[] candidates = byFirstChar[text.charAt(i)];
            if (candidates == null) {
                continue;
            }
            for (Cue cue : candidates) {
                if (kinds.contains(cue.kind()) && text.startsWith(cue.text(), i) && wordBounded(text, i, cue.text())) {
                    matches.add(new Match(cue, i, i + cue.text().length()));
                }
            }
        }
        return matches;
    }

    /**
     * English cues must start a word ("fire" is not in "campfire" but is in "fires"); short ones must also end one,
     * or "no" would be found in "noise" and "bus" in "business".
     */
    static boolean wordBounded(String text, int start, String cue) {
        if (TextNormalizer.isAsciiLetter(cue.charAt(0)) && start > 0 && TextNormalizer.isAsciiLetter(text.charAt(start - 1))) {
            return false;
        }
        int end = start + cue.length();
        char last = cue.charAt(cue.length() - 1);
        return !(TextNormalizer.isAsciiLetter(last) && cue.length() <= 4 && end < text.length()
                && TextNormalizer.isAsciiLetter(text.charAt(end)));
    }
}
