package org.kaowu.domain.certificate;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * 证书验证码 — the short code printed on a certificate (and in its QR code) that lets anyone check the
 * certificate on the public query page, e.g. {@code K7M3-Q9XA-2FHC}.
 * <ul>
 *   <li>Alphabet: the 31 characters {@value #ALPHABET} — digits 2-9 and letters without I, L and O, so
 *       nothing printed can be read as something else (0/O, 1/I/L).</li>
 *   <li>{@value #LENGTH} characters: {@value #RANDOM_LENGTH} from {@link SecureRandom} (31<sup>11</sup> ≈
 *       2.5·10<sup>16</sup>, about 54 bits) and one check character, shown in groups of four for reading
 *       aloud. Eleven random characters rather than nine: with nine, two of a million codes collide with
 *       about 2 % probability (birthday bound), with eleven about 0.002 %. The database still needs a unique
 *       constraint; on the rare clash, generate again.</li>
 *   <li>Check character: weights 1..12 over the characters' alphabet positions, the sum ≡ 0 (mod 31). As
 *       31 is prime and the weights are distinct and non-zero, every single wrong character and every
 *       swap of two characters (adjacent or not) changes the sum, so {@link #isWellFormed} rejects a
 *       mistyped code without a database lookup. Luhn mod N was not used: it misses one swap (first and
 *       last alphabet character), as decimal Luhn misses 09 ↔ 90.</li>
 * </ul>
 * The canonical form, stored, printed and put into URLs, is upper case with dashes ({@value #TEXT_LENGTH}
 * characters). {@link #normalise} brings typed input to that form.
 */
public final class VerificationCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** Characters of a code without dashes. */
    public static final int LENGTH = 12;

    /** Characters of the canonical form with dashes (the column length). */
    public static final int TEXT_LENGTH = 14;

    static final int RANDOM_LENGTH = LENGTH - 1;

    private static final int GROUP = 4;
    private static final int BASE = ALPHABET.length();
    private static final long SPACE = pow(BASE, RANDOM_LENGTH);
    // the largest multiple of SPACE in [0, 2^63): longs at or above it are drawn again, so no value is favoured
    private static final long UNBIASED_LIMIT = Long.MAX_VALUE / SPACE * SPACE;
    // 12⁻¹ mod 31: 12 · 13 = 156 = 5 · 31 + 1
    static final int INVERSE_OF_LENGTH = 13;
    private static final int[] INDEX = new int[128];
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < BASE; i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private VerificationCode() {
    }

    /** A new code in canonical form, from a shared {@link SecureRandom} (thread-safe). */
    public static String generate() {
        return generate(RANDOM);
    }

    /**
     * A new code from the given source. Use a {@link SecureRandom} for real certificates: the code is what
     * lets a stranger see the certificate, so it must not be guessable; a seeded {@link Random} gives
     * repeatable demo data.
     */
    public static String generate(Random random) {
        long value;
        do {
            value = random.nextLong() >>> 1;
        } while (value >= UNBIASED_LIMIT);
        value %= SPACE;
        char[] chars = new char[LENGTH];
        for (int i = RANDOM_LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (value % BASE));
            value /= BASE;
        }
        chars[LENGTH - 1] = checkCharacter(chars);
        return group(chars);
    }

    /**
     * Typed or scanned input in canonical form: full-width characters (Chinese input methods) become ASCII,
     * spaces and dashes of any kind are dropped, letters are upper-cased, and the dashes are put back if the
     * result has {@value #LENGTH} characters. Anything else comes back compact, for {@link #isWellFormed} to
     * reject. Null gives "".
     * <p>
     * Typed 0, O, 1, I and L are deliberately <em>not</em> mapped: no code contains them, nor their look-alikes,
     * so such a character means a misread and there is nothing to map it to with confidence; guessing would
     * turn a mistake the user is told about into a lookup of a possibly different certificate.
     */
    public static String normalise(String input) {
        if (input == null) {
            return "";
        }
        String text = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder compact = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.DASH_PUNCTUATION) {
                continue;
            }
            compact.append(c);
        }
        String upper = compact.toString().toUpperCase(Locale.ROOT);
        return upper.length() == LENGTH ? group(upper.toCharArray()) : upper;
    }

    /**
     * Whether the input (typed or canonical; it is {@linkplain #normalise normalised} first) is a code this
     * class could have produced: {@value #LENGTH} characters of the alphabet with a matching check character.
     * Says nothing about whether a certificate has the code.
     */
    public static boolean isWellFormed(String input) {
        String code = normalise(input);
        if (code.length() != TEXT_LENGTH) {
            return false;
        }
        int sum = 0;
        int weight = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (i % (GROUP + 1) == GROUP) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int value = indexOf(c);
            if (value < 0) {
                return false;
            }
            sum += ++weight * value;
        }
        return sum % BASE == 0;
    }

    /** The check character for the first {@value #RANDOM_LENGTH} characters (alphabet characters, no dashes). */
    static char checkCharacter(char[] chars) {
        int sum = 0;
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            int value = indexOf(chars[i]);
            if (value < 0) {
                throw new IllegalArgumentException("'" + chars[i] + "' is not in the alphabet");
            }
            sum += (i + 1) * value;
        }
        // LENGTH · check ≡ −sum (mod 31), so check = −sum · 12⁻¹
        int check = Math.floorMod(-sum * INVERSE_OF_LENGTH, BASE);
        return ALPHABET.charAt(check);
    }

    private static int indexOf(char c) {
        return c < INDEX.length ? INDEX[c] : -1;
    }

    private static String group(char[] chars) {
        StringBuilder out = new StringBuilder(TEXT_LENGTH);
        for (int i = 0; i < chars.length; i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(chars[i]);
        }
        return out.toString();
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
