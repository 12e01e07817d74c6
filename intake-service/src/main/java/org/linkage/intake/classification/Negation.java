package org.linkage.intake.classification;

import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a danger cue is denied by the caller ("没人受伤", "nobody is hurt"). The scope is deliberately
 * tight, because wrongly cancelling a danger cue sends a police matter to 12345 while wrongly keeping one only costs a
 * police check: a negation counts only when it stands right before the cue, separated by nothing but filler words
 * (人, 有, 发生, is, was ...), in a clause that is not a question ("没人受伤吧?", "有没有人受伤" keep the cue), and is not
 * itself negated ("不是没人受伤").
 */
final class Negation {

    private static final int MAX_FILLER_STEPS = 3;
    private static final String CLAUSE_ENDS = "。,.!?;\n，！？；";
    private static final String QUESTION_MARKS = "?？吗吧么";
    /** A character right before the negation that turns it into a question (有没有, 是不是) or a double negative. */
    private static final String UNDOES_NEGATION = "有是不非没";

    private final List<String> negators;
    private final List<String> fillers;

    Negation(List<Cues.Cue> negators, List<Cues.Cue> fillers) {
        this.negators = longestFirst(negators);
        this.fillers = longestFirst(fillers);
    }

    private static List<String> longestFirst(List<Cues.Cue> cues) {
        return cues.stream().map(Cues.Cue::text).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** @return the negating phrase (negation .. cue) or null when the cue stands */
    String denial(String text, Cues.Match match) {
        if (isQuestion(text, match.end())) {
            return null;
        }
        int p = match.start();
        for (int step = 0; step <= MAX_FILLER_STEPS; step++) {
            p = skipSpaces(text, p);
            String negator = endingAt(text, p, negators);
            if (negator != null) {
                int start = p - negator.length();
                if (start > 0 && UNDOES_NEGATION.indexOf(text.charAt(start - 1)) >= 0 && !isAsciiWord(negator)) {
                    return null;
                }
                return text.substring(start, match.end());
            }
            String filler = endingAt(text, p, fillers);
            if (filler == null) {
                return null;
            }
            p -= filler.length();
        }
        return null;
    }

    private static boolean isQuestion(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (QUESTION_MARKS.indexOf(c) >= 0) {
                return true;
            }
            if (CLAUSE_ENDS.indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int p) {
        while (p > 0 && text.charAt(p - 1) == ' ') {
            p--;
        }
        return p;
    }

    private static String endingAt(String text, int p, List<String> words) {
        for (String w : words) {
            int start = p - w.length();
            if (start >= 0 && text.startsWith(w, start)
                    && !(TextNormalizer.isAsciiLetter(w.charAt(0)) && start > 0 && TextNormalizer.isAsciiLetter(text.charAt(start - 1)))) {
                return w;
            }
        }
        return null;
    }

    private static boolean isAsciiWord(String w) {
        return TextNormalizer.isAsciiLetter(w.charAt(0));
    }
}
