package org.kaowu.web.security.captcha;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 图片验证码 — the current CAPTCHA challenge of each public form in this visitor's session, keyed by a short
 * form key ({@code "register"}, {@code "login"}, {@code "reset"}, {@code "score"}, …).
 * <p>
 * {@link #newChallenge} is called by {@link CaptchaServlet} for every image it hands out, so the newest image is
 * always the one that counts. {@link #verify} is single use: it removes the challenge whether the answer was
 * right or wrong, so a script cannot try several guesses against one image, and a right answer cannot be
 * replayed. A challenge also expires {@link #LIFETIME} after its image was drawn.
 * <p>
 * Test hook: when the system property {@value #FIXED_ANSWER_PROPERTY} is set (the test domain sets it to
 * {@code TEST}), every challenge's answer is that value, so browser tests can type it without the answer
 * ever travelling over HTTP. It must never be set in production; {@link CaptchaTestHookWarning} logs a
 * WARNING at deployment when it is.
 */
@SessionScoped
public class CaptchaStore implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long an image's code is accepted after it was drawn. */
    public static final Duration LIFETIME = Duration.ofMinutes(3);
    public static final String FIXED_ANSWER_PROPERTY = "kaowu.captcha.fixed";

    /** Form keys are chosen by page authors but reach the servlet from the URL: keep them short and plain. */
    private static final Pattern FORM_KEY = Pattern.compile("[a-z]{1,20}");
    /**
     * A real session needs a handful of forms; the cap stops a script that invents form keys from growing the
     * session. The oldest challenge makes room.
     */
    static final int MAX_CHALLENGES = 16;

    // Clock.systemDefaultZone() (what ClockProducer gives) is Serializable, so the session can be passivated.
    @Inject
    private Clock clock;

    /** Insertion order = age, oldest first; guarded by this. */
    private final LinkedHashMap<String, Challenge> challenges = new LinkedHashMap<>();

    /** For CDI. */
    public CaptchaStore() {
    }

    /** For tests: a store on the given clock. */
    CaptchaStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the key may name a form: 1 to 20 lower-case ASCII letters. */
    public static boolean isValidFormKey(String formKey) {
        return formKey != null && FORM_KEY.matcher(formKey).matches();
    }

    /**
     * Starts a new challenge for the form, replacing any earlier one, and returns the code to draw.
     *
     * @throws IllegalArgumentException if the form key is not {@linkplain #isValidFormKey valid}
     */
    public String newChallenge(String formKey) {
        String code = fixedAnswer().orElseGet(CaptchaCode::random);
        newChallenge(formKey, code);
        return code;
    }

    /**
     * Starts a new challenge for the form with the given code (the code of an image drawn ahead, see
     * {@link CaptchaPool}), replacing any earlier one.
     *
     * @throws IllegalArgumentException if the form key is not {@linkplain #isValidFormKey valid} or the code blank
     */
    public synchronized void newChallenge(String formKey, String code) {
        if (CaptchaCode.normalise(code).isEmpty()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        if (!isValidFormKey(formKey)) {
            throw new IllegalArgumentException("form key must match " + FORM_KEY.pattern());
        }
        Instant now = clock.instant();
        challenges.values().removeIf(challenge -> challenge.expiredAt(now));
        challenges.remove(formKey); // re-inserted below, so it becomes the newest
        Iterator<String> oldestFirst = challenges.keySet().iterator();
        while (challenges.size() >= MAX_CHALLENGES && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        challenges.put(formKey, new Challenge(CaptchaCode.normalise(code), now));
    }

    /**
     * Whether the input answers the form's current challenge. Single use: the challenge is gone afterwards,
     * whatever the result. False for an unknown or invalid form key, a missing or expired challenge, and a
     * blank input. Case, surrounding spaces and full-width characters do not matter.
     */
    public synchronized boolean verify(String formKey, String input) {
        if (!isValidFormKey(formKey)) {
            return false;
        }
        Challenge challenge = challenges.remove(formKey);
        if (challenge == null || challenge.expiredAt(clock.instant())) {
            return false;
        }
        String typed = CaptchaCode.normalise(input);
        if (typed.isEmpty() || typed.length() > CaptchaCode.MAX_INPUT) {
            return false;
        }
        // Constant time in the content, so response timing tells nothing about how much of a guess was right.
        return MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8),
                challenge.answer().getBytes(StandardCharsets.UTF_8));
    }

    /** Number of challenges held; for tests. */
    synchronized int size() {
        return challenges.size();
    }

    /**
     * The test hook's answer (normalised), if {@value #FIXED_ANSWER_PROPERTY} is set to something non-blank.
     * Read on every call, so tests can switch it.
     */
    static Optional<String> fixedAnswer() {
        String fixed = CaptchaCode.normalise(System.getProperty(FIXED_ANSWER_PROPERTY));
        return fixed.isEmpty() ? Optional.empty() : Optional.of(fixed);
    }

    /** One challenge: the normalised answer and when its image was drawn. */
    private record Challenge(String answer, Instant created) implements Serializable {

        /** Valid while strictly less than LIFETIME old. */
        boolean expiredAt(Instant now) {
            return !now.isBefore(created.plus(LIFETIME));
        }
    }
}
