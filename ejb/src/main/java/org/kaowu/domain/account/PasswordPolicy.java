package org.kaowu.domain.account;

import org.kaowu.exception.BusinessException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * 密码规则 — the rule from the user manual (密码最少为6位且不能为纯数字: at least 6 characters and not digits
 * only) plus what any public-facing login needs today: an upper bound (hashing cost is per character, so an
 * unbounded password is a cheap denial of service), not the account name itself, and not one of the
 * passwords attackers try first.
 * <p>
 * Works on {@code char[]} throughout and never turns the password into a {@code String}, so the caller can
 * wipe it after hashing. Lengths are counted in Unicode code points (what the user sees as characters).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 64;

    static final String COMMON_PASSWORDS_RESOURCE = "common-passwords.txt";

    private PasswordPolicy() {
    }

    /**
     * Checks a new password. {@code confirmation} is the "repeat password" field; pass null where the form has
     * none. {@code accountName} is the login name (a candidate's ID number or a staff user name); null skips
     * that check.
     *
     * @throws BusinessException with key {@code password.required}, {@code password.tooShort},
     *                           {@code password.tooLong}, {@code password.digitsOnly},
     *                           {@code password.sameAsAccount}, {@code password.common} or
     *                           {@code password.mismatch}, checked in that order
     */
    public static void check(char[] password, char[] confirmation, String accountName) {
        if (password == null || isBlank(password)) {
            throw new BusinessException("password.required");
        }
        int length = Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH) {
            throw new BusinessException("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            throw new BusinessException("password.tooLong");
        }
        if (isDigitsOnly(password)) {
            throw new BusinessException("password.digitsOnly");
        }
        if (accountName != null && !accountName.isBlank() && equalsIgnoreCase(password, accountName.strip())) {
            throw new BusinessException("password.sameAsAccount");
        }
        if (isCommon(password)) {
            throw new BusinessException("password.common");
        }
        // Last, so the user first fixes the password itself and then retypes the confirmation once.
        if (confirmation != null && !Arrays.equals(password, confirmation)) {
            throw new BusinessException("password.mismatch");
        }
    }

    /** Whether {@code password} is on the common-passwords list (case-insensitive). */
    static boolean isCommon(char[] password) {
        char[] lower = new char[password.length];
        try {
            for (int i = 0; i < password.length; i++) {
                lower[i] = Character.toLowerCase(password[i]);
            }
            return CommonPasswords.SET.contains(CharBuffer.wrap(lower));
        } finally {
            Arrays.fill(lower, '\0');
        }
    }

    /** Number of entries on the list; for tests and diagnostics. */
    static int commonPasswordCount() {
        return CommonPasswords.SET.size();
    }

    private static boolean isBlank(char[] password) {
        for (char c : password) {
            // isSpaceChar also covers the ideographic space and no-break spaces, which isWhitespace misses.
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Any Unicode digit counts, so "１２３４５６" typed in full-width mode is still "digits only". */
    private static boolean isDigitsOnly(char[] password) {
        for (int i = 0; i < password.length; ) {
            int cp = Character.codePointAt(password, i);
            if (!Character.isDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Same comparison as {@link String#equalsIgnoreCase}, without copying the password into a String. */
    private static boolean equalsIgnoreCase(char[] password, String other) {
        if (password.length != other.length()) {
            return false;
        }
        for (int i = 0; i < password.length; i++) {
            char a = password[i];
            char b = other.charAt(i);
            if (a != b && Character.toUpperCase(a) != Character.toUpperCase(b)
                    && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lazy holder: the list is read once, on first use, and the class loader guarantees thread safety. Kept as
     * CharBuffers so a char[] can be looked up without creating a String. Lines that are empty or start with
     * '#' are ignored. A missing resource is a packaging error and fails loudly rather than silently
     * accepting every password.
     */
    private static final class CommonPasswords {
        static final Set<CharBuffer> SET = load();

        private static Set<CharBuffer> load() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS_RESOURCE);
            }
            Set<CharBuffer> set = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        char[] chars = entry.toCharArray();
                        for (int i = 0; i < chars.length; i++) {
                            chars[i] = Character.toLowerCase(chars[i]);
                        }
                        set.add(CharBuffer.wrap(chars).asReadOnlyBuffer());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(set);
        }
    }
}
