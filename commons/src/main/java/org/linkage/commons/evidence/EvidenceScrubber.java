package org.linkage.commons.evidence;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * Takes out of an upload what it says about the person beyond its content: an image is decoded and encoded anew
 * from its pixels (so EXIF with the GPS position of a caller's home, XMP, comments and thumbnails are simply not
 * written), MP3 loses its ID3 tags, WAV keeps only its format and samples, M4A's metadata boxes are blanked.
 * PDF and AMR are kept as they are (AMR has no metadata; a PDF's document properties are the author's own).
 */
public final class EvidenceScrubber {
    /** A refusal of the bytes themselves (undecodable, too many pixels): the client's fault, answered 422. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String message) {
            super(message);
        }
    }

    private static final Set<String> MP4_METADATA_BOXES = Set.of("udta", "meta", "uuid");
    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak");

    private final long maxPixels;

    /** @param maxPixels the largest image (width × height) decoded, so a small file cannot unpack into gigabytes */
    public EvidenceScrubber(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public byte[] scrub(EvidenceType type, byte[] in) {
        return switch (type) {
            case JPEG, PNG, GIF -> reencode(type, in);
            case MP3 -> stripId3(in);
            case WAV -> wavFormatAndData(in);
            case M4A -> blankMp4Metadata(in);
            case PDF, AMR -> in;
        };
    }

    // ---- images

    private byte[] reencode(EvidenceType type, byte[] in) {
        BufferedImage image = decode(in);
        if (type == EvidenceType.JPEG) {
            // The orientation lives in the EXIF that is dropped; turn the pixels so the photo still stands upright.
            image = orient(image, exifOrientation(in));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
            String format = switch (type) {
                case JPEG -> "jpeg";
                case PNG -> "png";
                default -> "gif";
            };
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (type == EvidenceType.JPEG) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.9f);
                    image = withoutAlpha(image);
                }
                // No metadata object: the writer writes only what the format needs (JFIF, IHDR, the GIF header).
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new Unusable("the image could not be encoded again: " + e.getMessage());
        }
    }

    private BufferedImage decode(byte[] in) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(in))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new Unusable("the image cannot be decoded");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new Unusable("the image has " + pixels + " pixels, more than the " + maxPixels + " accepted");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new Unusable("the image cannot be decoded");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unusable u) {
                throw u;
            }
            throw new Unusable("the image cannot be decoded: " + e.getMessage());
        }
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    /** Orientations 3, 6 and 8 (turned 180°, 90° and 270°), which cameras write; mirrored ones are left as they are. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap;
        switch (orientation) {
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
                swap = false;
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
                swap = true;
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
                swap = true;
            }
            default -> {
                return image;
            }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** The EXIF orientation tag (0x0112) of IFD0 in a JPEG's APP1 segment, or 1 when there is none. */
    static int exifOrientation(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            int start = i + 4;
            if (marker == 0xE1 && length >= 16 && start + length - 2 <= b.length
                    && new String(b, start, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                try {
                    ByteBuffer tiff = ByteBuffer.wrap(b, start + 6, length - 8).slice();
                    tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                    int ifd = tiff.getInt(4);
                    int entries = tiff.getShort(ifd) & 0xFFFF;
                    for (int e = 0; e < entries; e++) {
                        int at = ifd + 2 + 12 * e;
                        if ((tiff.getShort(at) & 0xFFFF) == 0x0112) {
                            return tiff.getShort(at + 8) & 0xFFFF;
                        }
                    }
                } catch (RuntimeException malformed) {
                    return 1;
                }
            }
            i = start + length - 2;
        }
        return 1;
    }

    // ---- audio

    /** An ID3v2 tag at the start (possibly several) and an ID3v1 tag at the end are cut off. */
    static byte[] stripId3(byte[] in) {
        int start = 0;
        while (in.length >= start + 10 && in[start] == 'I' && in[start + 1] == 'D' && in[start + 2] == '3') {
            int size = ((in[start + 6] & 0x7F) << 21) | ((in[start + 7] & 0x7F) << 14) | ((in[start + 8] & 0x7F) << 7)
                    | (in[start + 9] & 0x7F);
            boolean footer = (in[start + 5] & 0x10) != 0;
            start += 10 + size + (footer ? 10 : 0);
        }
        int end = in.length;
        if (end - start >= 128 && in[end - 128] == 'T' && in[end - 127] == 'A' && in[end - 126] == 'G') {
            end -= 128;
        }
        if (start >= end || !EvidenceType.isMpegAudioFrame(in, start)) {
            throw new Unusable("no MPEG audio after the tags");
        }
        return Arrays.copyOfRange(in, start, end);
    }

    /** A RIFF/WAVE file rebuilt from its {@code fmt } and {@code data} chunks; LIST/INFO, bext, iXML and the rest go. */
    static byte[] wavFormatAndData(byte[] in) {
        ByteBuffer b = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(in.length);
        boolean fmt = false;
        boolean data = false;
        int i = 12;
        while (i + 8 <= in.length) {
            String id = new String(in, i, 4, StandardCharsets.ISO_8859_1);
            long size = b.getInt(i + 4) & 0xFFFFFFFFL;
            long end = Math.min(in.length, i + 8 + size);
            if (id.equals("fmt ") || id.equals("data")) {
                fmt |= id.equals("fmt ");
                data |= id.equals("data");
                kept.write(in, i, 4);
                int length = (int) (end - i - 8);
                kept.write(le32(length), 0, 4);
                kept.write(in, i + 8, length);
                if (length % 2 == 1) {
                    kept.write(0);
                }
            }
            i = (int) (end + (size % 2));
        }
        if (!fmt || !data) {
            throw new Unusable("a WAV file needs a fmt and a data chunk");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(kept.size() + 12);
        out.write(in, 0, 4);
        out.write(le32(kept.size() + 4), 0, 4);
        out.write(in, 8, 4);
        out.write(kept.toByteArray(), 0, kept.size());
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /**
     * The metadata boxes of an MP4 file (udta, meta, uuid at the top, in moov and in each trak: title, author, the
     * recorder's location {@code ©xyz}) become {@code free} boxes of the same size with their content zeroed. Nothing
     * moves, so the sample offsets of {@code stco}/{@code co64} into {@code mdat} stay right.
     */
    static byte[] blankMp4Metadata(byte[] in) {
        byte[] out = in.clone();
        blank(out, 0, out.length, 0);
        return out;
    }

    private static void blank(byte[] b, int from, int to, int depth) {
        int i = from;
        while (i + 8 <= to) {
            long size = ((b[i] & 0xFFL) << 24) | ((b[i + 1] & 0xFFL) << 16) | ((b[i + 2] & 0xFFL) << 8) | (b[i + 3] & 0xFFL);
            int header = 8;
            if (size == 1) {
                if (i + 16 > to) {
                    throw new Unusable("a truncated MP4 box");
                }
                size = ByteBuffer.wrap(b, i + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - i;
            }
            if (size < header || i + size > to) {
                throw new Unusable("a malformed MP4 box");
            }
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            int end = (int) (i + size);
            if (MP4_METADATA_BOXES.contains(type)) {
                b[i + 4] = 'f';
                b[i + 5] = 'r';
                b[i + 6] = 'e';
                b[i + 7] = 'e';
                Arrays.fill(b, i + header, end, (byte) 0);
            } else if (MP4_CONTAINERS.contains(type) && depth < 4) {
                blank(b, i + header, end, depth + 1);
            }
            i = end;
        }
    }
}
