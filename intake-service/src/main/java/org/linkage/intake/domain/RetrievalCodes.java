package org.linkage.intake.domain;

import java.util.random.RandomGenerator;

/**
 * The code a caller quotes to ask about their call later. Eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L) so it survives being read out over the phone.
 */
public final class RetrievalCodes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    public static final int LENGTH = 8;

    private RetrievalCodes() {
    }

    public static String generate(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
