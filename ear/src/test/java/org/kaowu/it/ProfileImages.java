package org.kaowu.it;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Images for the profile tests, drawn in code (no binary fixtures): an ID photo, scans and a noisy photo. */
public final class ProfileImages {

    private ProfileImages() {
    }

    /** A 295×413 JPEG ID photo (1 inch at 300 dpi) that passes the rules as it is. */
    public static byte[] photo(Color background) {
        return jpeg(portrait(295, 413, background, 0, 1), 0.9f);
    }

    /** A 1200×800 JPEG scan: two card-like shapes with "text" bars on white paper, well under 100K. */
    public static byte[] scan(Color accent) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 800);
        for (int card = 0; card < 2; card++) {
            int x = 80 + card * 540;
            g.setColor(new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 60));
            g.fillRoundRect(x, 220, 500, 320, 30, 30);
            g.setColor(accent.darker());
            g.drawRoundRect(x, 220, 500, 320, 30, 30);
            for (int line = 0; line < 5; line++) {
                g.fillRect(x + 30, 260 + line * 50, 200 + (line * 37) % 180, 16);
            }
        }
        g.dispose();
        return jpeg(image, 0.8f);
    }

    /**
     * A 1200×1600 PNG photo with grain, several hundred K at least: too large and too big for an ID photo,
     * so it needs "自动调整".
     */
    public static byte[] noisyPhotoPng() {
        BufferedImage image = portrait(1200, 1600, new Color(120, 170, 230), 28, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Sky gradient, shoulders and a face-coloured oval, with ±{@code grain} random noise per channel. */
    private static BufferedImage portrait(int width, int height, Color background, int grain, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, background, 0, height, Color.WHITE));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 50, 70));
        g.fillOval(width / 8, height * 3 / 4, width * 3 / 4, height / 2);
        g.setColor(new Color(230, 190, 160));
        g.fillOval(width * 3 / 10, height / 5, width * 2 / 5, height * 2 / 5);
        g.dispose();
        if (grain > 0) {
            Random random = new Random(seed);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int r = clamp(((rgb >> 16) & 0xFF) + random.nextInt(2 * grain + 1) - grain);
                    int gr = clamp(((rgb >> 8) & 0xFF) + random.nextInt(2 * grain + 1) - grain);
                    int b = clamp((rgb & 0xFF) + random.nextInt(2 * grain + 1) - grain);
                    image.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
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
        byte[] bytes = buffer.toByteArray();
        if (bytes.length > 100 * 1024) {
            throw new IllegalStateException("test image larger than 100K: " + bytes.length);
        }
        return bytes;
    }
}
