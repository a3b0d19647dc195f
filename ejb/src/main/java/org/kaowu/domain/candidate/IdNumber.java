package org.kaowu.domain.candidate;

import org.kaowu.exception.BusinessException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 身份证号码 — the 18-character Chinese national ID number (GB 11643-1999), which is also the candidate's
 * login name. Only {@link #parse} creates instances, so holding an {@code IdNumber} proves the value passed
 * every check; the checks run in a fixed order so the user is told about the first, most basic problem.
 * <p>
 * {@link #toString()} deliberately returns the masked form: the number is personal data and must never end
 * up in a log line by accident. Use {@link #value()} where the full number is really needed.
 */
public final class IdNumber {

    public static final int LENGTH = 18;

    /** Birth dates before this are certainly typos, and would also fail the age rules of every exam. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final String MASK = "********";

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses with the system clock deciding what "today" is (birth dates in the future are rejected). */
    public static IdNumber parse(String raw) {
        return parse(raw, Clock.systemDefaultZone());
    }

    /**
     * Parses and validates {@code raw}. Surrounding ASCII whitespace (a common copy-paste artefact) is
     * trimmed; anything else that is not exactly 17 digits plus a digit or X is rejected. A lower-case x is
     * accepted and stored upper-case so the same person always maps to the same login name.
     *
     * @throws BusinessException with key {@code idNumber.required}, {@code idNumber.fullWidth},
     *                           {@code idNumber.length}, {@code idNumber.format}, {@code idNumber.region},
     *                           {@code idNumber.birthDate} or {@code idNumber.checksum}, in that order of checking.
     *                           The raw input is never put into the exception, so it cannot leak into logs.
     */
    public static IdNumber parse(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (raw == null || raw.isBlank()) {
            throw new BusinessException("idNumber.required");
        }
        // Chinese input methods in full-width mode produce "１１０…" or "Ｘ"; naming that problem explicitly
        // saves the user from staring at a number that looks perfectly right.
        if (containsFullWidth(raw)) {
            throw new BusinessException("idNumber.fullWidth");
        }
        String trimmed = trimAsciiWhitespace(raw);
        if (trimmed.length() != LENGTH) {
            throw new BusinessException("idNumber.length");
        }
        if (!isWellFormed(trimmed)) {
            throw new BusinessException("idNumber.format");
        }
        String normalised = trimmed.substring(0, LENGTH - 1) + Character.toUpperCase(trimmed.charAt(LENGTH - 1));
        if (!isValidRegion(normalised)) {
            throw new BusinessException("idNumber.region");
        }
        LocalDate birthDate = birthDateOf(normalised);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(LocalDate.now(clock))) {
            throw new BusinessException("idNumber.birthDate");
        }
        if (checkDigit(normalised) != normalised.charAt(LENGTH - 1)) {
            throw new BusinessException("idNumber.checksum");
        }
        return new IdNumber(normalised, birthDate);
    }

    /** For callers that only need a yes/no (e.g. a validator); never throws for bad input. */
    public static boolean isValid(String raw, Clock clock) {
        try {
            parse(raw, clock);
            return true;
        } catch (BusinessException e) {
            return false;
        }
    }

    /**
     * The GB 11643-1999 check character (0-9 or X) for the first 17 digits of {@code digits}. Public so that
     * demo data and tests can produce valid numbers instead of hard-coding someone's real one.
     *
     * @throws IllegalArgumentException if the first 17 characters are not all ASCII digits
     */
    public static char checkDigit(CharSequence digits) {
        if (digits == null || digits.length() < LENGTH - 1) {
            throw new IllegalArgumentException("need at least 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = digits.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("not an ASCII digit at position " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /**
     * Masks a stored 18-character value as {@code 110101********123X}. Meant for display and logging of
     * values read from the database, so it never throws: anything that is not 18 characters comes back
     * unchanged.
     */
    public static String mask(String value) {
        if (value == null || value.length() != LENGTH) {
            return value;
        }
        return value.substring(0, 6) + MASK + value.substring(LENGTH - 4);
    }

    /** The normalised 18 characters (upper-case X). */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 17th digit is the sequence code: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(LENGTH - 2) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** First 6 (region) and last 4 characters, the birth date hidden: {@code 110101********123X}. */
    public String masked() {
        return mask(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose, so that string concatenation and logging never expose the full number. */
    @Override
    public String toString() {
        return masked();
    }

    private static boolean containsFullWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || (c >= '\uFF01' && c <= '\uFF5E')) {
                return true;
            }
        }
        return false;
    }

    /** Only ASCII whitespace: other Unicode spaces are not something a form should silently accept. */
    private static String trimAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    // Character.isDigit would also accept Arabic-Indic and other digits, which are not valid here.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        char last = s.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X' || last == 'x';
    }

    /**
     * Province-level codes of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65), 71 Taiwan, 81 Hong Kong,
     * 82 Macao, and 83, the prefix of residence permits issued to Taiwan residents.
     */
    private static boolean isValidRegion(String s) {
        int code = (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
        return (code >= 11 && code <= 15)
                || (code >= 21 && code <= 23)
                || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46)
                || (code >= 50 && code <= 54)
                || (code >= 61 && code <= 65)
                || code == 71 || code == 81 || code == 82 || code == 83;
    }

    /** Digits 7-14 as yyyyMMdd, or null if that is not a real calendar date (e.g. 20230229). */
    private static LocalDate birthDateOf(String s) {
        int year = Integer.parseInt(s, 6, 10, 10);
        int month = Integer.parseInt(s, 10, 12, 10);
        int day = Integer.parseInt(s, 12, 14, 10);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
