package org.linkage.router.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How knowledge-base text is made searchable. Chinese has no spaces between words, so search matches substrings:
 * a term of three or more characters through the trigram index, a term of two characters (工资, 社保, 噪音) through
 * the article's set of character pairs, because a trigram index cannot serve a two-character pattern. Latin letters
 * are lower-cased on both sides so {@code KTV} finds {@code ktv}.
 */
public final class KnowledgeText {
    public static final int MIN_TERM = 2;
    public static final int MAX_TERMS = 8;

    private KnowledgeText() {
    }

    /** One lower-cased text of the parts, separated so no pair or trigram spans two parts. */
    public static String searchText(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : "\n").append(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** Every pair of adjacent letters or digits (any script) in {@code text}, once each. */
    public static Set<String> bigrams(String text) {
        Set<String> pairs = new LinkedHashSet<>();
        int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (Character.isLetterOrDigit(cps[i]) && Character.isLetterOrDigit(cps[i + 1])) {
                pairs.add(new String(cps, i, 2));
            }
        }
        return pairs;
    }

    /**
     * The terms of a query: split on spaces and punctuation, lower-cased, duplicates dropped. A term of one
     * character is dropped (it would match nearly every article); an empty result means the query has nothing to
     * search for.
     */
    public static List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (String t : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (t.codePointCount(0, t.length()) >= MIN_TERM) {
                terms.add(t);
            }
            if (terms.size() == MAX_TERMS) {
                break;
            }
        }
        return new ArrayList<>(terms);
    }

    /** Keywords as an editor typed them: trimmed, blanks and repeats dropped, order kept. */
    public static List<String> keywords(List<String> in) {
        Set<String> out = new LinkedHashSet<>();
        if (in != null) {
            for (String k : in) {
                if (k != null && !k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
