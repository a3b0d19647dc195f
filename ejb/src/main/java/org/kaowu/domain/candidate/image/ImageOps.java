package org.kaowu.domain.candidate.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Pixel work shared by the inspector and the normaliser: flattening to opaque RGB, applying the EXIF
 * orientation, good-quality down-scaling and JPEG encoding. Only {@link BufferedImage} and
 * {@link Graphics2D} on images, which need no display, so this runs on a headless server.
 */
final class ImageOps {

    /** Quality is stepped in hundredths, so that no float rounding decides whether 0.6 is still tried. */
    static final int QUALITY_STEP = 5;

    private ImageOps() {
    }

    /**
     * A {@code TYPE_INT_RGB} copy, transparent parts laid onto white: a JPEG has no alpha, and black — what
     * simply dropping alpha gives — is the worst background for an ID photo. Grey, palette and 16-bit
     * images come out as plain RGB too, which is what the JPEG writer handles best.
     */
    static BufferedImage toOpaqueRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * Turns stored pixels into what a viewer shows for EXIF orientation 1-8. Needed because re-encoding
     * drops the EXIF block: without this a phone photo stored sideways would end up sideways.
     */
    static BufferedImage orient(BufferedImage rgb, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] src = rgb.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        for (int dy = 0; dy < outH; dy++) {
            for (int dx = 0; dx < outW; dx++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - dx; sy = dy; }          // mirrored
                    case 3 -> { sx = w - 1 - dx; sy = h - 1 - dy; }  // upside down
                    case 4 -> { sx = dx; sy = h - 1 - dy; }          // mirrored upside down
                    case 5 -> { sx = dy; sy = dx; }                  // transposed
                    case 6 -> { sx = dy; sy = h - 1 - dx; }          // needs 90 degrees clockwise
                    case 7 -> { sx = w - 1 - dy; sy = h - 1 - dx; }  // transversed
                    default -> { sx = w - 1 - dy; sy = dx; }         // 8: needs 90 degrees anticlockwise
                }
                dst[dy * outW + dx] = src[sy * w + sx];
            }
        }
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, outW, outH, dst, 0, outW);
        return out;
    }

    /**
     * Scales an opaque RGB image down to exactly {@code width × height}. Halving repeatedly with bilinear
     * filtering averages every source pixel (one bicubic step from far away would skip most of them and
     * alias hair and fabric), then one bicubic step covers the remaining factor below two.
     */
    static BufferedImage downscale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (w != width || h != height) {
            current = draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Encodes at falling quality, from {@code highestPercent} down to {@code lowestPercent} in steps of
     * {@link #QUALITY_STEP}, and returns the first result within {@code maxBytes}; if none fits, the last
     * (smallest) attempt, so the caller can report its size.
     */
    static byte[] encodeWithin(BufferedImage rgb, int maxBytes, int highestPercent, int lowestPercent) {
        byte[] bytes = null;
        for (int percent = highestPercent; percent >= lowestPercent; percent -= QUALITY_STEP) {
            bytes = encodeJpeg(rgb, percent / 100f);
            if (bytes.length <= maxBytes) {
                break;
            }
        }
        return bytes;
    }

    /**
     * A baseline JPEG with only the JFIF header the writer adds by itself: passing no metadata is what
     * guarantees that nothing from the upload (EXIF, GPS, comments, ICC tricks) is carried over. Memory
     * streams only, so ImageIO never writes a cache file to the server's temp directory.
     */
    static byte[] encodeJpeg(BufferedImage rgb, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            // Writing to memory cannot fail for I/O reasons; if it does, it is a bug, not bad input.
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return buffer.toByteArray();
    }
}
