package org.kaowu.web.security.captcha;

import com.github.cage.Cage;
import com.github.cage.IGenerator;
import com.github.cage.image.EffectConfig;
import com.github.cage.image.Painter;
import com.github.cage.image.ScaleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.Color;
import java.awt.Font;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * Draws a CAPTCHA code as a {@value #WIDTH}×{@value #HEIGHT} PNG with Cage: rippled, slightly blurred letters
 * in dark colours on white, legible on a phone. Thread-safe (Cage keeps no per-image state; Random is thread-safe).
 */
@ApplicationScoped
public class CaptchaImage {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 50;

    /** Dark enough to read on white for every draw; Cage's own random colours can come out pale. */
    private static final List<Color> INKS = List.of(
            new Color(0x1f, 0x3a, 0x68), new Color(0x7a, 0x1f, 0x1f), new Color(0x1e, 0x5b, 0x32),
            new Color(0x4b, 0x23, 0x6e), new Color(0x33, 0x33, 0x33));
    private static final List<String> FONT_FAMILIES = List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);

    private final Cage cage;

    public CaptchaImage() {
        Random random = new SecureRandom();
        // Ripple and blur, but no rotation and a small margin: candidates of every age must read it at the first
        // try (compared side by side with Cage's defaults, which often let letters run into each other).
        EffectConfig effects = new EffectConfig(true, true, false, false, new ScaleConfig(0.9f, 0.85f));
        Painter painter = new Painter(WIDTH, HEIGHT, Color.WHITE, Painter.Quality.MAX, effects, random);
        IGenerator<Font> fonts = () -> new Font(FONT_FAMILIES.get(random.nextInt(FONT_FAMILIES.size())), Font.BOLD,
                HEIGHT * 3 / 5);
        IGenerator<Color> inks = () -> INKS.get(random.nextInt(INKS.size()));
        // Cage's token generator is never used: codes come from CaptchaCode / CaptchaStore.
        cage = new Cage(painter, fonts, inks, "png", null, null, random);
    }

    /** The code drawn as PNG bytes. */
    public byte[] png(String code) {
        return cage.draw(code);
    }
}
