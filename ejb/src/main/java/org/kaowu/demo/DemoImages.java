package org.kaowu.demo;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Drawn stand-ins for the demo candidate's photo and scans (no real person's images in the repository). */
final class DemoImages {

    private DemoImages() {
    }

    /** A 295×413 (1-inch) portrait: a grey silhouette on light blue. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x4a, 0x90, 0xd9));
        g.fillRect(0, 0, 295, 413);
        g.setColor(new Color(0x3a, 0x3f, 0x4a));
        g.fillOval(88, 70, 120, 150);
        g.fillRoundRect(38, 250, 220, 200, 120, 120);
        g.dispose();
        return jpeg(image);
    }

    /** A 1200×800 page with a caption, like a flat-bed scan. */
    static byte[] scan(String caption) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf7, 0xf5, 0xef));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.drawRect(40, 40, 1120, 720);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("DEMO " + caption, 120, 420);
        g.dispose();
        return jpeg(image);
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
