package org.linkage.commons.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of evidence a ticket may carry, recognised from their first bytes (magic numbers), never from what the
 * client declares: a file named {@code photo.jpg} sent as {@code image/jpeg} that is really HTML is refused.
 */
public enum EvidenceType {
    JPEG("image/jpeg", List.of("jpg", "jpeg"), true),
    PNG("image/png", List.of("png"), true),
    GIF("image/gif", List.of("gif"), true),
    PDF("application/pdf", List.of("pdf"), false),
    MP3("audio/mpeg", List.of("mp3"), false),
    M4A("audio/mp4", List.of("m4a"), false),
    WAV("audio/wav", List.of("wav"), false),
    AMR("audio/amr", List.of("amr"), false);

    /** ISO base-media brands of audio recordings (phones' voice memos and recorders write these). */
    private static final Set<String> MP4_AUDIO_BRANDS = Set.of("M4A ", "M4B ", "mp42", "mp41", "isom", "3gp4", "3gp5",
            "3gp6");

    private final String mediaType;
    private final List<String> extensions;
    private final boolean image;

    EvidenceType(String mediaType, List<String> extensions, boolean image) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a stored file is given when its name does not already end in one of this type's. */
    public String extension() {
        return extensions.get(0);
    }

    public boolean isImage() {
        return image;
    }

    /** Whether {@code fileName} ends in an extension of this type (case-insensitive). */
    public boolean matchesName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The type the bytes are, or empty when they are none of the accepted kinds. */
    public static Optional<EvidenceType> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(b, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (ascii(b, 0, "#!AMR")) {
            return Optional.of(AMR);
        }
        if (ascii(b, 4, "ftyp") && b.length >= 12
                && MP4_AUDIO_BRANDS.contains(new String(b, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of(M4A);
        }
        if (ascii(b, 0, "ID3") || isMpegAudioFrame(b, 0)) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    /** WebP is recognised only to say why it is refused: the JDK cannot decode it, so it cannot be re-encoded clean. */
    public static boolean isWebp(byte[] b) {
        return ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP");
    }

    /** An MPEG audio frame header: 11 sync bits, a version other than reserved, layer I to III, a valid bit rate. */
    static boolean isMpegAudioFrame(byte[] b, int at) {
        if (b.length < at + 4 || (b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b[at + 1] >> 3) & 0x03;
        int layer = (b[at + 1] >> 1) & 0x03;
        int bitrate = (b[at + 2] >> 4) & 0x0F;
        int sampleRate = (b[at + 2] >> 2) & 0x03;
        return version != 1 && layer != 0 && bitrate != 0x0F && bitrate != 0 && sampleRate != 3;
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        byte[] e = s.getBytes(StandardCharsets.ISO_8859_1);
        return b.length >= at + e.length && Arrays.equals(b, at, at + e.length, e, 0, e.length);
    }
}
