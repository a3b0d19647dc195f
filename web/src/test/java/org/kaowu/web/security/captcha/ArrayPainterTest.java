package org.kaowu.web.security.captcha;

import com.github.cage.image.EffectConfig;
import com.github.cage.image.Painter;
import com.github.cage.image.Rippler;
import com.github.cage.image.ScaleConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayPainterTest {

    private static final EffectConfig EFFECTS = new EffectConfig(true, true, false, false, new ScaleConfig(0.9f, 0.85f));

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void drawsExactlyWhatCagesPainterDraws() {
        for (long seed = 1; seed <= 20; seed++) {
            for (String code : new String[] {"TEST", "H7KXP", "23ab"}) {
                Font font = new Font(seed % 2 == 0 ? Font.SERIF : Font.SANS_SERIF, Font.BOLD, 30);
                Color ink = new Color(0x1f, 0x3a, 0x68);
                BufferedImage cage = new Painter(160, 50, Color.WHITE, Painter.Quality.MAX, EFFECTS, new Random(seed))
                        .draw(font, ink, code);
                BufferedImage ours = new ArrayPainter(160, 50, Color.WHITE, Painter.Quality.MAX, EFFECTS, new Random(seed))
                        .draw(font, ink, code);
                assertSamePixels(cage, ours, "seed " + seed + ", " + code);
            }
        }
    }

    @Test
    void theRippleMovesPixelsAsCagesDoes() {
        Random random = new Random(42);
        BufferedImage source = new BufferedImage(160, 50, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 160; x++) {
                source.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Rippler.AxisConfig vertical = new Rippler.AxisConfig(1.3, 2.5 * Math.PI, 5);
        Rippler.AxisConfig horizontal = new Rippler.AxisConfig(4.1, 3.2 * Math.PI, 1.6);
        BufferedImage cage = new Rippler(vertical, horizontal).filter(source, new BufferedImage(160, 50, BufferedImage.TYPE_INT_RGB));
        BufferedImage ours = new ArrayPainter.ArrayRippler(vertical, horizontal)
                .filter(source, new BufferedImage(160, 50, BufferedImage.TYPE_INT_RGB));
        assertSamePixels(cage, ours, "ripple");
        int moved = 0;
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 160; x++) {
                moved += source.getRGB(x, y) == ours.getRGB(x, y) ? 0 : 1;
            }
        }
        assertTrue(moved > 160 * 50 / 2, "the ripple moved most pixels: " + moved);
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xffffff, actual.getRGB(x, y) & 0xffffff, what + " at " + x + "," + y);
            }
        }
    }
}
