package org.linkage.commons.evidence;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the bytes are, and what of them is kept. */
class EvidenceTest {
    private final EvidenceScrubber scrubber = new EvidenceScrubber(1_000_000);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] b, String s) {
        return new String(b, StandardCharsets.ISO_8859_1).contains(s);
    }

    /** One MPEG-1 layer III frame header (128 kbit/s, 44.1 kHz) and some payload. */
    private static final byte[] MP3_FRAME = concat(new byte[]{(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, new byte[400]);

    @Test
    void eachKindIsKnownByItsFirstBytesAndOthersAreNot() {
        assertEquals(Optional.of(EvidenceType.JPEG), EvidenceType.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of(EvidenceType.PNG), EvidenceType.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
        assertEquals(Optional.of(EvidenceType.GIF), EvidenceType.sniff(bytes("GIF89a....")));
        assertEquals(Optional.of(EvidenceType.PDF), EvidenceType.sniff(bytes("%PDF-1.7\n")));
        assertEquals(Optional.of(EvidenceType.WAV), EvidenceType.sniff(bytes("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals(Optional.of(EvidenceType.AMR), EvidenceType.sniff(bytes("#!AMR\n")));
        assertEquals(Optional.of(EvidenceType.M4A), EvidenceType.sniff(bytes("\0\0\0\u0020ftypM4A \0\0\0\0")));
        assertEquals(Optional.of(EvidenceType.MP3), EvidenceType.sniff(bytes("ID3\u0004\0\0\0\0\0\0")));
        assertEquals(Optional.of(EvidenceType.MP3), EvidenceType.sniff(MP3_FRAME));
        assertEquals(Optional.empty(), EvidenceType.sniff(bytes("<html><body>")));
        assertEquals(Optional.empty(), EvidenceType.sniff(bytes("RIFF\0\0\0\0WEBPVP8 ")));
        assertTrue(EvidenceType.isWebp(bytes("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(Optional.empty(), EvidenceType.sniff(bytes("\0\0\0\u0020ftypqt  ")));
        assertEquals(Optional.empty(), EvidenceType.sniff(new byte[0]));
    }

    @Test
    void aPngLosesItsTextChunksAndKeepsItsPixels() throws Exception {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0x00FF00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        // a tEXt chunk after IHDR (8 signature + 25 IHDR bytes); PNG readers ignore the CRC of ancillary chunks only
        // when told to, so compute it
        byte[] data = bytes("Comment\0GPS 30.65N 104.06E");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes("tEXt"));
        crc.update(data);
        byte[] chunk = concat(ByteBuffer.allocate(4).putInt(data.length).array(), bytes("tEXt"), data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        byte[] tagged = concat(java.util.Arrays.copyOf(png, 33), chunk, java.util.Arrays.copyOfRange(png, 33, png.length));
        assertTrue(contains(tagged, "GPS 30.65N"));
        byte[] clean = scrubber.scrub(EvidenceType.PNG, tagged);
        assertFalse(contains(clean, "GPS 30.65N"));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(clean));
        assertEquals(0x00FF00, back.getRGB(3, 2) & 0xFFFFFF);
    }

    @Test
    void aPhotoTakenUprightStaysUprightWithoutItsExif() {
        BufferedImage landscape = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage turned = EvidenceScrubber.orient(landscape, 6);
        assertEquals(20, turned.getWidth());
        assertEquals(40, turned.getHeight());
        assertEquals(40, EvidenceScrubber.orient(landscape, 1).getWidth());
    }

    @Test
    void anImageThatWouldUnpackIntoTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
        BufferedImage image = new BufferedImage(2000, 1000, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        assertThrows(EvidenceScrubber.Unusable.class, () -> scrubber.scrub(EvidenceType.PNG, out.toByteArray()));
        assertThrows(EvidenceScrubber.Unusable.class, () -> scrubber.scrub(EvidenceType.JPEG,
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0}));
    }

    @Test
    void anMp3LosesItsId3TagsAtBothEnds() {
        byte[] frames = MP3_FRAME;
        byte[] title = bytes("TIT2\0\0\0\u0010\0\0\u0003录音 王先生家");
        byte[] id3v2 = concat(bytes("ID3\u0004\0\0"), new byte[]{0, 0, 0, (byte) title.length}, title);
        byte[] id3v1 = concat(bytes("TAG"), bytes("Home address 30.65N"), new byte[128 - 3 - 19]);
        byte[] clean = scrubber.scrub(EvidenceType.MP3, concat(id3v2, frames, id3v1));
        assertEquals(frames.length, clean.length);
        assertFalse(contains(clean, "TIT2"));
        assertFalse(contains(clean, "Home address"));
        assertThrows(EvidenceScrubber.Unusable.class, () -> scrubber.scrub(EvidenceType.MP3, id3v2));
    }

    private static byte[] chunk(String id, byte[] body) {
        return concat(bytes(id), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(),
                body, body.length % 2 == 1 ? new byte[1] : new byte[0]);
    }

    @Test
    void aWavKeepsOnlyItsFormatAndSamples() {
        byte[] fmt = chunk("fmt ", new byte[16]);
        byte[] list = chunk("LIST", bytes("INFOIART\u0007\0\0\0王先生\0"));
        byte[] data = chunk("data", new byte[]{1, 2, 3, 4, 5, 6});
        byte[] body = concat(bytes("WAVE"), fmt, list, data);
        byte[] wav = concat(bytes("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(), body);
        byte[] clean = scrubber.scrub(EvidenceType.WAV, wav);
        assertFalse(contains(clean, "LIST"));
        assertEquals(12 + fmt.length + data.length, clean.length);
        assertEquals(clean.length - 8, ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(Optional.of(EvidenceType.WAV), EvidenceType.sniff(clean));
    }

    private static byte[] box(String type, byte[]... content) {
        byte[] body = concat(content);
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), bytes(type), body);
    }

    @Test
    void anM4aLosesItsMetadataBoxesWithoutMovingItsSamples() {
        byte[] location = box("udta", box("\u00A9xyz", bytes("+30.6586+104.0648/")));
        byte[] mp4 = concat(box("ftyp", bytes("M4A \0\0\0\0")),
                box("moov", box("mvhd", new byte[20]), box("trak", box("tkhd", new byte[20]), location), location),
                box("mdat", new byte[]{9, 9, 9}));
        byte[] clean = scrubber.scrub(EvidenceType.M4A, mp4);
        assertEquals(mp4.length, clean.length);
        assertFalse(contains(clean, "+30.6586"));
        assertFalse(contains(clean, "udta"));
        assertTrue(contains(clean, "free"));
        assertEquals(9, clean[clean.length - 1]);
    }
}
