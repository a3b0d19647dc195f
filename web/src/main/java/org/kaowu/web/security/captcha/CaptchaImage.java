package org.kaowu.web.security.captcha;

import com.github.cage.Cage;
import com.github.cage.IGenerator;
import com.github.cage.image.EffectConfig;
import com.github.cage.image.Painter;
import com.github.cage.image.ScaleConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.awt.Color;
import java.awt.Font;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

/**
 * Draws a CAPTCHA code as a {@value #WIDTH}×{@value #HEIGHT} PNG with Cage: rippled, slightly blurred letters
 * in dark colours on white, legible on a phone ({@link ArrayPainter}: Cage's picture, drawn faster). Thread-safe
 * (Cage keeps no per-image state; Random is thread-safe).
 * <p>
 * New challenges come from a {@link CaptchaPool} of pre-drawn images ({@link #next}), started at deployment and
 * refilled by one background thread: {@value #POOL_SIZE} images kept ready (default 2000, ≈5 KB each), drawn with
 * at most {@value #POOL_SHARE} of one core (default 0.25, so that refilling never starves the requests of a spike).
 * Size it to the expected spike (score day); 0 turns the pool off.
 */
@ApplicationScoped
public class CaptchaImage {

    public static final String POOL_SIZE = "kaowu.captcha.pool.size";
    public static final String POOL_SHARE = "kaowu.captcha.pool.share";
    private static final Logger LOG = Logger.getLogger(CaptchaImage.class.getName());

    public static final int WIDTH = 160;
    public static final int HEIGHT = 50;

    /** Dark enough to read on white for every draw; Cage's own random colours can come out pale. */
    private static final List<Color> INKS = List.of(
            new Color(0x1f, 0x3a, 0x68), new Color(0x7a, 0x1f, 0x1f), new Color(0x1e, 0x5b, 0x32),
            new Color(0x4b, 0x23, 0x6e), new Color(0x33, 0x33, 0x33));
    private static final List<String> FONT_FAMILIES = List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);

    private final Cage cage;

    @Inject
    @ConfigProperty(name = POOL_SIZE, defaultValue = "2000")
    int poolSize;
    @Inject
    @ConfigProperty(name = POOL_SHARE, defaultValue = "0.25")
    double poolShare;
    @Resource
    ManagedThreadFactory threads;

    private volatile CaptchaPool pool;
    private Thread refiller;

    public CaptchaImage() {
        Random random = new SecureRandom();
        // Ripple and blur, but no rotation and a small margin: candidates of every age must read it at the first
        // try (compared side by side with Cage's defaults, which often let letters run into each other).
        EffectConfig effects = new EffectConfig(true, true, false, false, new ScaleConfig(0.9f, 0.85f));
        Painter painter = new ArrayPainter(WIDTH, HEIGHT, Color.WHITE, Painter.Quality.MAX, effects, random);
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

    /** Starts the pool and its background thread when the application starts (not at the first image). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (poolSize <= 0) {
            LOG.info(() -> POOL_SIZE + " = " + poolSize + ": CAPTCHA images are drawn on demand");
            return;
        }
        CaptchaPool created = new CaptchaPool(poolSize, CaptchaImage::newCode, this::png);
        refiller = threads.newThread(() -> created.refill(poolShare));
        refiller.setName("kaowu-captcha-pool");
        refiller.setPriority(Thread.MIN_PRIORITY);
        refiller.setDaemon(true);
        refiller.start();
        pool = created;
    }

    @PreDestroy
    void stop() {
        if (refiller != null) {
            refiller.interrupt();
        }
    }

    /**
     * A new image for a new challenge, each handed out once: from the pool, or drawn now. Under the test hook
     * ({@link CaptchaStore#FIXED_ANSWER_PROPERTY}) an image drawn before the hook changed is not used.
     */
    public CaptchaPool.Drawn next() {
        CaptchaPool current = pool;
        if (current == null) {
            String code = newCode();
            return new CaptchaPool.Drawn(code, png(code));
        }
        CaptchaPool.Drawn drawn = current.take();
        java.util.Optional<String> fixed = CaptchaStore.fixedAnswer();
        if (fixed.isPresent() && !fixed.get().equals(drawn.code())) {
            return new CaptchaPool.Drawn(fixed.get(), png(fixed.get()));
        }
        return drawn;
    }

    /**
     * Starts a new challenge for the form in the visitor's session (replacing the form's previous one) and returns
     * its image as PNG bytes: what {@link CaptchaServlet} answers, and what the score query hands out with each answer.
     */
    public byte[] newChallenge(CaptchaStore store, String formKey) {
        CaptchaPool.Drawn drawn = next();
        store.newChallenge(formKey, drawn.code());
        return drawn.png();
    }

    /** Draws until the pool is full, on the calling thread (e.g. right before an expected spike); images added. */
    public int fillPool() {
        CaptchaPool current = pool;
        return current == null ? 0 : current.fill();
    }

    /** The pool, if on; for monitoring and the benchmark. */
    public java.util.Optional<CaptchaPool> pool() {
        return java.util.Optional.ofNullable(pool);
    }

    /** The test hook's answer when set, else a random code. */
    static String newCode() {
        return CaptchaStore.fixedAnswer().orElseGet(CaptchaCode::random);
    }
}
