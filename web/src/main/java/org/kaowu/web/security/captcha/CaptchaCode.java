package org.kaowu.web.security.captcha;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/** How CAPTCHA codes are made, and how a typed answer is brought into the same form before comparing. */
final class CaptchaCode {

    /**
     * Upper-case letters and digits without the look-alikes 0/O/Q and 1/I/L (a lower-case l never appears:
     * codes are drawn in upper case and compared case-insensitively).
     */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPRSTUVWXYZ";
    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 5;
    /** Typed answers longer than this are wrong without further work. */
    static final int MAX_INPUT = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CaptchaCode() {
    }

    /** A fresh code of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters from {@link #ALPHABET}. */
    static String random() {
        int length = MIN_LENGTH + RANDOM.nextInt(MAX_LENGTH - MIN_LENGTH + 1);
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The comparable form of a typed answer: full-width characters from a Chinese input method folded to
     * ASCII (NFKC), whitespace removed, upper case. Null becomes "".
     */
    static String normalise(String input) {
        if (input == null) {
            return "";
        }
        String folded = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder result = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(result::appendCodePoint);
        return result.toString().toUpperCase(Locale.ROOT);
    }
}
