package org.kaowu.domain.candidate.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Builds every test input in code, so no binary fixture can hide what is being tested. Malicious and broken
 * files are assembled byte by byte (PNG chunks with their CRC, JPEG segments) from images ImageIO wrote.
 * Nothing draws text: fonts differ between machines, and the sizes asserted must not.
 */
final class TestImages {

    static final int MAX = 100 * 1024;

    private TestImages() {
    }

    // ---- pictures ---------------------------------------------------------------------------------------

    /** A smooth, photo-like picture (sky gradient, a face-coloured oval) that compresses well. */
    static BufferedImage portrait(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 230), 0, height, Color.WHITE));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(230, 190, 160));
        g.fillOval(width * 3 / 10, height / 5, width * 2 / 5, height * 2 / 5);
        g.dispose();
        return image;
    }

    /** One flat colour; the cheapest possible image at any size. */
    static BufferedImage plain(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Random colour per pixel: incompressible, so it is large as PNG and as JPEG. */
    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(0x1000000);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** White paper with rows of short black bars standing in for printed text. */
    static BufferedImage document(int width, int height, long seed) {
        BufferedImage image = plain(width, height, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        Random random = new Random(seed);
        int line = Math.max(8, height / 40);
        for (int y = line * 2; y < height - line * 2; y += line * 2) {
            for (int x = width / 10; x < width * 9 / 10; ) {
                int word = line + random.nextInt(line * 3);
                g.fillRect(x, y, Math.min(word, width * 9 / 10 - x), line);
                x += word + line;
            }
        }
        g.dispose();
        return image;
    }

    // ---- encoding ---------------------------------------------------------------------------------------

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.9f);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return buffer.toByteArray();
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, buffer)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /**
     * A real four-component JPEG: ImageIO writes a 4-band raster as CMYK (Adobe-less), which is what the
     * "save for print" option of many editors produces.
     */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x % 256, y % 256, 40, 10});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return buffer.toByteArray();
    }

    static BufferedImage read(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null) {
                throw new IllegalStateException("not readable");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- JPEG surgery -----------------------------------------------------------------------------------

    /** Inserts a marker segment right after SOI, where cameras put EXIF. */
    static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** Offset of the marker's FF byte among the segments before the scan, or -1. */
    static int segmentOffset(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int m = jpeg[pos + 1] & 0xFF;
            if (m == marker) {
                return pos;
            }
            if (m == 0xDA) {
                return -1;
            }
            pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
        }
        return -1;
    }

    /** Sets the width and height in the SOF0 frame header, leaving the pixel data as it was. */
    static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int sof = requireSegment(copy, 0xC0);
        copy[sof + 5] = (byte) (height >> 8);
        copy[sof + 6] = (byte) height;
        copy[sof + 7] = (byte) (width >> 8);
        copy[sof + 8] = (byte) width;
        return copy;
    }

    static byte[] withPrecision(byte[] jpeg, int bits) {
        byte[] copy = jpeg.clone();
        copy[requireSegment(copy, 0xC0) + 4] = (byte) bits;
        return copy;
    }

    /** Drops the last component from SOF0 (3 becomes 2), shortening the segment accordingly. */
    static byte[] withTwoComponents(byte[] jpeg) {
        int sof = requireSegment(jpeg, 0xC0);
        int length = (jpeg[sof + 2] & 0xFF) << 8 | (jpeg[sof + 3] & 0xFF);
        if (jpeg[sof + 9] != 3) {
            throw new IllegalStateException("expected 3 components");
        }
        int end = sof + 2 + length;
        byte[] out = new byte[jpeg.length - 3];
        System.arraycopy(jpeg, 0, out, 0, end - 3);
        System.arraycopy(jpeg, end, out, end - 3, jpeg.length - end);
        out[sof + 2] = (byte) ((length - 3) >> 8);
        out[sof + 3] = (byte) (length - 3);
        out[sof + 9] = 2;
        return out;
    }

    private static int requireSegment(byte[] jpeg, int marker) {
        int offset = segmentOffset(jpeg, marker);
        if (offset < 0) {
            throw new IllegalStateException("no segment " + Integer.toHexString(marker));
        }
        return offset;
    }

    /** APP14 "Adobe": version 100, no flags, then the colour transform (0 none/CMYK, 1 YCbCr, 2 YCCK). */
    static byte[] adobePayload(int transform) {
        return ByteBuffer.allocate(12).put("Adobe".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 100).putShort((short) 0).putShort((short) 0).put((byte) transform).array();
    }

    /**
     * APP1 "Exif\0\0" with a big-endian TIFF header and an IFD0 of two entries: Orientation (0x0112) and
     * ImageDescription (0x010E) carrying {@code text}, which stands in for a GPS position.
     */
    static byte[] exifPayload(int orientation, String text) {
        byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd = 8;
        int textOffset = ifd + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(textOffset + ascii.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(ascii.length).putInt(textOffset);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        tiff.put(ascii);
        ByteBuffer payload = ByteBuffer.allocate(6 + tiff.capacity());
        payload.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff.array());
        return payload.array();
    }

    // ---- PNG by hand ------------------------------------------------------------------------------------

    /** A PNG chunk: length, type, data, CRC-32 over type and data. */
    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    static byte[] ihdr(int width, int height, int bitDepth, int colourType) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    /**
     * A tiny PNG whose header claims {@code width × height} RGB pixels, followed by a few compressed bytes
     * and IEND: what a decompression bomb looks like before anything is inflated.
     */
    static byte[] pngClaiming(int width, int height) {
        return concat(pngSignature(), pngChunk("IHDR", ihdr(width, height, 8, 2)),
                pngChunk("IDAT", deflate(new byte[64])), pngChunk("IEND", new byte[0]));
    }

    /**
     * A valid 8-bit grey PNG of random vertical stripes. Every row after the first uses the "Up" filter and
     * is all zeros, so the file is tiny; a JPEG of the same picture is huge, because each 8×8 block is full
     * of sharp edges.
     */
    static byte[] stripesPng(int width, int height, long seed) {
        Random random = new Random(seed);
        byte[] raw = new byte[(width + 1) * height];
        raw[0] = 0;
        for (int x = 0; x < width; x++) {
            raw[1 + x] = random.nextBoolean() ? (byte) 0xFF : 0;
        }
        for (int y = 1; y < height; y++) {
            raw[y * (width + 1)] = 2; // Up: same as the row above
        }
        return concat(pngSignature(), pngChunk("IHDR", ihdr(width, height, 8, 0)),
                pngChunk("IDAT", deflate(raw)), pngChunk("IEND", new byte[0]));
    }

    static byte[] pngSignature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(buffer, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    // ---- bytes ------------------------------------------------------------------------------------------

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            for (byte[] part : parts) {
                data.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = ascii(needle);
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

    static byte[] padTo(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** Red, green and blue of a pixel, for assertions with a tolerance (JPEG is lossy). */
    static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
    }

    static boolean near(BufferedImage image, int x, int y, Color expected, int tolerance) {
        int[] c = rgb(image, x, y);
        return Math.abs(c[0] - expected.getRed()) <= tolerance && Math.abs(c[1] - expected.getGreen()) <= tolerance
                && Math.abs(c[2] - expected.getBlue()) <= tolerance;
    }
}
