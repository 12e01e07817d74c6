package org.linkage.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Files as phones and recorders make them, with the metadata a caller would not want to hand on. */
public final class Evidence {
    /** Written into the EXIF block so a test can look for it in what comes back. */
    public static final String EXIF_MARKER = "LINKAGE-CALLER-HOME";

    private Evidence() {
    }

    public static byte[] plainJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 60, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG whose EXIF block (APP1) has an image description and a GPS IFD: 30°39'31"N 104°3'57"E. */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = plainJpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(160);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        byte[] description = (EXIF_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        // IFD0 at 8: ImageDescription, GPSInfo pointer
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(38);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(58);
        tiff.putInt(0);
        tiff.position(38);
        tiff.put(description);
        // GPS IFD at 58
        tiff.position(58);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(112);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(136);
        tiff.putInt(0);
        tiff.position(112);
        for (int v : new int[]{30, 39, 31, 104, 3, 57}) {
            tiff.putInt(v).putInt(1);
        }
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The markers of a JPEG's segments before the image data (0xE0 APP0 JFIF, 0xE1 APP1 EXIF/XMP, …). */
    public static List<Integer> jpegMarkers(byte[] b) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        return markers;
    }

    public static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static byte[] pdf(int size) {
        byte[] head = "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[Math.max(size, head.length + 8)];
        System.arraycopy(head, 0, b, 0, head.length);
        java.util.Arrays.fill(b, head.length, b.length - 6, (byte) ' ');
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), 0, b, b.length - 6, 6);
        return b;
    }
}
