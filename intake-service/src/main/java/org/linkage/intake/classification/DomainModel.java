package org.linkage.intake.classification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multi-class linear SVM over TF-IDF weighted character n-grams, predicting the citizen-message domain
 * (城乡建设, 劳动和社会保障 ...), or, as the core of {@link DangerModel}, whether a call is a police matter; margins are turned into probabilities by a softmax with a fixed temperature. A linear
 * model because it is the best accuracy per microsecond on a CPU for short
 * texts: scoring is one hash lookup and {@code classes} multiply-adds per n-gram, and the artefact loads in
 * milliseconds. Immutable, hence thread-safe.
 */
public final class DomainModel {

    public static final String RESOURCE = "classification/domain-model.bin.gz";
    private static final int MAGIC = 0x4C4B4D31; // "LKM1"

    private final List<String> domains;
    private final float titleWeight;
    private final int maxN;
    private final float temperature;
    private final int[] hashes;      // sorted ascending; position = feature index
    private final float[] idf;
    private final float[] weights;   // feature-major: weights[f * classes + c]
    private final float[] bias;
    private final int[] table;       // open addressing: slot -> feature index + 1 (0 = empty)
    private final String version;

    DomainModel(List<String> domains, float titleWeight, int maxN, float temperature, int[] hashes, float[] idf, float[] weights, float[] bias,
                String version) {
        this.domains = List.copyOf(domains);
        this.titleWeight = titleWeight;
        this.maxN = maxN;
        this.temperature = temperature;
        this.hashes = hashes;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        this.version = version;
        this.table = new int[Integer.highestOneBit(Math.max(16, hashes.length * 2)) << 1];
        int mask = table.length - 1;
        for (int f = 0; f < hashes.length; f++) {
            int i = hashes[f] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = f + 1;
        }
    }

    public List<String> domains() {
        return domains;
    }

    /** "domain-svm-" plus the first 12 hex digits of the artefact's SHA-256: the same bytes, the same version. */
    public String version() {
        return version;
    }

    Features.Bag bag(String normalizedTitle, String normalizedText) {
        return Features.Bag.of(normalizedTitle, titleWeight, normalizedText, maxN);
    }

    float idf(int f) {
        return idf[f];
    }

    int featureCount() {
        return hashes.length;
    }

    /** @return probability per domain, in {@link #domains()} order */
    public double[] predict(String normalizedTitle, String normalizedText) {
        Features.Bag bag = Features.Bag.of(normalizedTitle, titleWeight, normalizedText, maxN);
        int classes = domains.size();
        double[] scores = new double[classes];
        double norm = 0;
        for (int s = 0; s < bag.keys.length; s++) {
            int key = bag.keys[s];
            if (key == 0) {
                continue;
            }
            int f = indexOf(key);
            if (f < 0) {
                continue;
            }
            double v = tfidf(bag.values[s], idf[f]);
            norm += v * v;
            int base = f * classes;
            for (int c = 0; c < classes; c++) {
                scores[c] += v * weights[base + c];
            }
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = (scores[c] * scale + bias[c]) * temperature;
        }
        return softmax(scores);
    }

    static double tfidf(float tf, float idf) {
        return (1 + Math.log(tf)) * idf;
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    int indexOfHash(int hash) {
        return indexOf(hash);
    }

    private int indexOf(int hash) {
        int mask = table.length - 1;
        int i = hash & mask;
        int slot;
        while ((slot = table[i]) != 0) {
            if (hashes[slot - 1] == hash) {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    // ---- artefact ----

    public static DomainModel loadDefault() {
        return load(RESOURCE, "domain-svm-");
    }

    /** A shipped artefact from the class path (the domain, danger or invalid-call model). */
    static DomainModel load(String resource, String versionPrefix) {
        try (InputStream in = DomainModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource
                        + " (train it: see docs/classifier.md)");
            }
            return read(in.readAllBytes(), versionPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DomainModel read(byte[] artefact) throws IOException {
        return read(artefact, "domain-svm-");
    }

    /** @param versionPrefix names what the model predicts, so the version tells the domain and danger models apart */
    static DomainModel read(byte[] artefact, String versionPrefix) throws IOException {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(artefact), 1 << 16)) {
            raw = in.readAllBytes();
        }
        // bulk reads through a ByteBuffer (big-endian, as DataOutputStream wrote it): loading stays in milliseconds
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(raw);
        if (buffer.getInt() != MAGIC) {
            throw new IOException("not a Linkage domain model");
        }
        float titleWeight = buffer.getFloat();
        int maxN = buffer.getInt();
        float temperature = buffer.getFloat();
        int classes = buffer.getInt();
        String[] domains = new String[classes];
        for (int c = 0; c < classes; c++) {
            byte[] utf = new byte[buffer.getShort() & 0xFFFF];
            buffer.get(utf);
            domains[c] = new String(utf, java.nio.charset.StandardCharsets.UTF_8);
        }
        int n = buffer.getInt();
        int[] hashes = new int[n];
        buffer.asIntBuffer().get(hashes);
        buffer.position(buffer.position() + 4 * n);
        float[] idf = new float[n];
        buffer.asFloatBuffer().get(idf);
        buffer.position(buffer.position() + 4 * n);
        short[] packed = new short[n * classes];
        buffer.asShortBuffer().get(packed);
        buffer.position(buffer.position() + 2 * packed.length);
        float[] weights = new float[packed.length];
        for (int i = 0; i < packed.length; i++) {
            weights[i] = Float.intBitsToFloat(packed[i] << 16);
        }
        float[] bias = new float[classes];
        buffer.asFloatBuffer().get(bias);
        return new DomainModel(List.of(domains), titleWeight, maxN, temperature, hashes, idf, weights, bias,
                versionPrefix + sha256(artefact).substring(0, 12));
    }

    /** The artefact bytes. GZIP without a file name or time stamp, so the same model always gives the same bytes. */
    byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(bytes), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeFloat(titleWeight);
            out.writeInt(maxN);
            out.writeFloat(temperature);
            out.writeInt(domains.size());
            for (String d : domains) {
                out.writeUTF(d);
            }
            out.writeInt(hashes.length);
            for (int h : hashes) {
                out.writeInt(h);
            }
            for (float v : idf) {
                out.writeFloat(v);
            }
            for (float w : weights) {
                out.writeShort(bfloat16(w));
            }
            for (float b : bias) {
                out.writeFloat(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Weights are stored as bfloat16 (the top 16 bits of the float, rounded): half the artefact size, and the 3
     * significant digits left change no prediction we measured. The trainer rounds its weights the same way, so the
     * model in memory after training equals the model read back.
     */
    static short bfloat16(float w) {
        int bits = Float.floatToIntBits(w);
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    static float roundToBfloat16(float w) {
        return Float.intBitsToFloat(bfloat16(w) << 16);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
