package org.linkage.intake.classification;

/**
 * Character 1–3-gram features, hashed to 32-bit ints. Chinese has no spaces, so character n-grams are the cheapest
 * robust stand-in for words (a bigram is most often a word: 工资, 噪音); they also survive typos and speech-to-text
 * errors. Grams never cross punctuation or spaces; digits are folded to '0' so phone numbers and dates do not each
 * become a feature.
 */
final class Features {

    private static final int SEED = 0x2F0B1C3D;

    private Features() {
    }

    /** Receives each feature hash with its weight. */
    interface Sink {
        void accept(int hash, float weight);
    }

    static void extract(String normalized, float weight, int maxN, Sink sink) {
        char[] window = new char[maxN];   // window[k] = the character k positions back
        int run = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!TextNormalizer.isContent(c)) {
                run = 0;
                continue;
            }
            if (Character.isDigit(c)) {
                c = '0';
            }
            System.arraycopy(window, 0, window, 1, maxN - 1);
            window[0] = c;
            run++;
            int h = SEED;
            for (int n = 1; n <= Math.min(run, maxN); n++) {
                h = mix(h, window[n - 1]);
                sink.accept(finish(h, n), weight);
            }
        }
    }

    /** Mixes the n-gram length in and finalises (murmur3 fmix32); never returns 0. */
    private static int finish(int h, int n) {
        h ^= n;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h == 0 ? 1 : h; // 0 marks an empty slot in the open-addressing tables
    }

    private static int mix(int h, char c) {
        int k = c * 0xCC9E2D51;
        k = Integer.rotateLeft(k, 15) * 0x1B873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
    }

    /** Feature hash → accumulated weight, for one document. Open addressing with 0 as the empty key. */
    static final class Bag implements Sink {
        int[] keys;
        float[] values;
        int size;

        Bag(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
            keys = new int[cap];
            values = new float[cap];
        }

        @Override
        public void accept(int hash, float weight) {
            int mask = keys.length - 1;
            int i = hash & mask;
            while (keys[i] != 0 && keys[i] != hash) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = hash;
                if (++size * 2 > keys.length) {
                    grow();
                    addExisting(hash, weight);
                    return;
                }
            }
            values[i] += weight;
        }

        private void addExisting(int hash, float weight) {
            int mask = keys.length - 1;
            int i = hash & mask;
            while (keys[i] != hash) {
                i = (i + 1) & mask;
            }
            values[i] += weight;
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new float[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = oldKeys[j] & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        static Bag of(String normalizedTitle, float titleWeight, String normalizedText, int maxN) {
            Bag bag = new Bag(maxN * (normalizedTitle.length() + normalizedText.length()));
            extract(normalizedTitle, titleWeight, maxN, bag);
            extract(normalizedText, 1f, maxN, bag);
            return bag;
        }
    }
}
