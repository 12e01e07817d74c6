package org.linkage.intake.classification;

import java.text.Normalizer;
import java.util.Locale;

/** Puts call text into one canonical form so that cues and n-grams match however the text was typed. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * NFKC folds full-width letters, digits and punctuation (Ａ１？) into their ordinary forms, which is how Chinese
     * input methods and speech-to-text differ most; lower case makes English cues case-blind; whitespace runs collapse
     * to one space.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Reads Sichuan speech the way the cues are written, one character for one so offsets stay valid: the passive
     * marker 遭 is 被 ("手机遭偷了" = "手机被偷了", "遭打了" = "被打了"), so every 被-cue also hears the Chengdu form.
     * Only the rules see this; the model keeps the text as typed.
     */
    public static String dialect(String normalized) {
        return normalized.replace('遭', '被');
    }

    /** A letter, digit or CJK ideograph: something that carries content. */
    public static boolean isContent(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
