package org.kaowu.domain.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * 证书编号规则 — builds certificate numbers from a pattern of literal text and placeholders:
 * <ul>
 *   <li>{@code {province}} — the province code, 2 digits, fixed for the installation (e.g. "33")</li>
 *   <li>{@code {yy}} / {@code {yyyy}} — the year of the sequence, 2 or 4 digits</li>
 *   <li>{@code {position}} — the position code, letters and digits as given (e.g. "A01")</li>
 *   <li>{@code {seq:N}} — the number in the sequence, zero-padded to exactly N digits (1..9)</li>
 * </ul>
 * One sequence per position and year: the default {@value #DEFAULT_PATTERN} with province "33" gives
 * "33" + "2026" + "A01" + "000123" for the 123rd certificate of position A01 in 2026.
 * <p>
 * The pattern is checked when the rule is made, so the numbering job refuses to start on a misconfigured rule
 * rather than failing half-way. Besides syntax, the rule insists on what keeps numbers unique and findable:
 * <ul>
 *   <li>a year and {@code {position}}, since the sequence restarts per position and year;</li>
 *   <li>{@code {seq:N}} last, so {@link #prefix} identifies a sequence and the highest existing number of
 *       a sequence is the greatest string with that prefix and {@link #length} (fixed width sorts as
 *       numbers do);</li>
 *   <li>literal text of ASCII letters, digits and '-' only: numbers appear in URLs, SQL {@code LIKE}
 *       prefixes and are read out on the phone.</li>
 * </ul>
 */
public final class CertificateNumberRule {

    public static final String DEFAULT_PATTERN = "{province}{yyyy}{position}{seq:6}";

    private static final int MAX_WIDTH = 9;

    private enum Kind { LITERAL, PROVINCE, YY, YYYY, POSITION, SEQ }

    private record Part(Kind kind, String text, int width) {
    }

    private final String pattern;
    private final String provinceCode;
    private final List<Part> parts;
    private final int width;

    private CertificateNumberRule(String pattern, String provinceCode, List<Part> parts, int width) {
        this.pattern = pattern;
        this.provinceCode = provinceCode;
        this.parts = List.copyOf(parts);
        this.width = width;
    }

    /** The rule with {@value #DEFAULT_PATTERN} for the given province. */
    public static CertificateNumberRule defaultRule(String provinceCode) {
        return of(DEFAULT_PATTERN, provinceCode);
    }

    /**
     * Parses and checks a pattern.
     *
     * @param provinceCode 2 ASCII digits; may be null only if the pattern has no {@code {province}}
     * @throws IllegalArgumentException on an unknown placeholder, an unclosed or stray brace, a missing or
     *                                  bad width, a missing year, {@code {position}} or {@code {seq:N}},
     *                                  {@code {seq:N}} not last, a literal with other than letters, digits
     *                                  and '-', or a province code that is not 2 digits
     */
    public static CertificateNumberRule of(String pattern, String provinceCode) {
        Objects.requireNonNull(pattern, "pattern");
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '}') {
                throw invalid(pattern, "'}' at position " + i + " closes nothing");
            }
            if (c != '{') {
                int end = i;
                while (end < pattern.length() && pattern.charAt(end) != '{' && pattern.charAt(end) != '}') {
                    end++;
                }
                String text = pattern.substring(i, end);
                if (!text.matches("[A-Za-z0-9-]+")) {
                    throw invalid(pattern, "literal text \"" + text + "\" may hold only ASCII letters, digits "
                            + "and '-'");
                }
                parts.add(new Part(Kind.LITERAL, text, 0));
                i = end;
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0 || pattern.substring(i + 1, close).indexOf('{') >= 0) {
                throw invalid(pattern, "'{' at position " + i + " is never closed");
            }
            parts.add(placeholder(pattern, pattern.substring(i + 1, close)));
            i = close + 1;
        }
        int width = checkStructure(pattern, parts);
        boolean usesProvince = parts.stream().anyMatch(p -> p.kind() == Kind.PROVINCE);
        if (usesProvince && (provinceCode == null || !provinceCode.matches("[0-9]{2}"))) {
            throw invalid(pattern, "the province code must be 2 digits (e.g. 33), was "
                    + (provinceCode == null ? "missing" : "\"" + provinceCode + "\""));
        }
        return new CertificateNumberRule(pattern, usesProvince ? provinceCode : null, parts, width);
    }

    private static Part placeholder(String pattern, String body) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        Kind kind = switch (name) {
            case "province" -> Kind.PROVINCE;
            case "yy" -> Kind.YY;
            case "yyyy" -> Kind.YYYY;
            case "position" -> Kind.POSITION;
            case "seq" -> Kind.SEQ;
            default -> throw invalid(pattern, "unknown placeholder {" + body + "}; known: {province} {yy} {yyyy} "
                    + "{position} {seq:N}");
        };
        if (kind != Kind.SEQ) {
            if (colon >= 0) {
                throw invalid(pattern, "{" + name + "} takes no width");
            }
            return new Part(kind, null, 0);
        }
        if (colon < 0) {
            throw invalid(pattern, "{seq} needs a width, e.g. {seq:6}");
        }
        String digits = body.substring(colon + 1);
        if (!digits.matches("[0-9]{1,2}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_WIDTH) {
            throw invalid(pattern, "bad width in {" + body + "}: a number from 1 to " + MAX_WIDTH);
        }
        return new Part(kind, null, Integer.parseInt(digits));
    }

    /** The rules that keep numbers unique and findable; returns the width of {@code {seq:N}}. */
    private static int checkStructure(String pattern, List<Part> parts) {
        int seq = 0;
        boolean year = false;
        boolean position = false;
        for (int i = 0; i < parts.size(); i++) {
            Kind kind = parts.get(i).kind();
            if (kind != Kind.LITERAL && parts.stream().filter(p -> p.kind() == kind).count() > 1) {
                throw invalid(pattern, (kind == Kind.SEQ ? "{seq:N}" : "{" + kind.name().toLowerCase(Locale.ROOT) + "}")
                        + " appears more than once");
            }
            year |= kind == Kind.YY || kind == Kind.YYYY;
            position |= kind == Kind.POSITION;
            if (kind == Kind.SEQ) {
                seq = parts.get(i).width();
                if (i != parts.size() - 1) {
                    throw invalid(pattern, "{seq:N} must come last, so that a number's prefix names its sequence");
                }
            }
        }
        if (seq == 0) {
            throw invalid(pattern, "it must contain {seq:N}, the number within the sequence");
        }
        if (!year || !position) {
            throw invalid(pattern, "it must contain a year ({yyyy} or {yy}) and {position}: the sequence restarts "
                    + "per position and year, so without them two certificates get the same number");
        }
        if (parts.stream().anyMatch(p -> p.kind() == Kind.YY) && parts.stream().anyMatch(p -> p.kind() == Kind.YYYY)) {
            throw invalid(pattern, "{yy} and {yyyy} together repeat the year");
        }
        return seq;
    }

    private static IllegalArgumentException invalid(String pattern, String why) {
        return new IllegalArgumentException("certificate number pattern \"" + pattern + "\": " + why);
    }

    /**
     * The certificate number for one place in a sequence.
     *
     * @param year         the year of the sequence (4 digits, e.g. 2026)
     * @param positionCode the position code, ASCII letters and digits
     * @param sequence     1 or more, at most {@link #maxSequence()}
     * @throws IllegalArgumentException if a value is missing or the sequence does not fit its width
     */
    public String format(int year, String positionCode, int sequence) {
        StringBuilder out = new StringBuilder(prefix(year, positionCode));
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence number must be at least 1, was " + sequence);
        }
        if (sequence > maxSequence()) {
            throw new IllegalArgumentException("sequence number " + sequence + " does not fit in " + width
                    + " digit" + (width == 1 ? "" : "s") + " of " + pattern);
        }
        String digits = Integer.toString(sequence);
        return out.append("0".repeat(width - digits.length())).append(digits).toString();
    }

    /**
     * Everything before the sequence number: the numbers of one (position, year) sequence are exactly the
     * strings of {@link #length} characters that start with this and end in {@code N} digits. Their greatest
     * (as a string, fixed width) is the highest used, e.g.
     * {@code SELECT MAX(number) … WHERE number LIKE :prefix || '%' AND LENGTH(number) = :length}.
     * The length condition matters: prefix "332026A01" also starts the numbers of position "A010".
     */
    public String prefix(int year, String positionCode) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have 4 digits, was " + year);
        }
        if (positionCode == null || !positionCode.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("position code must be ASCII letters and digits, was "
                    + (positionCode == null ? "missing" : "\"" + positionCode + "\""));
        }
        StringBuilder out = new StringBuilder(24);
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL -> out.append(part.text());
                case PROVINCE -> out.append(provinceCode);
                case YY -> out.append(year % 100 < 10 ? "0" : "").append(year % 100);
                case YYYY -> out.append(year);
                case POSITION -> out.append(positionCode);
                case SEQ -> { } // always last, see checkStructure
            }
        }
        return out.toString();
    }

    /** The length of every number of the (position, year) sequence. */
    public int length(int year, String positionCode) {
        return prefix(year, positionCode).length() + width;
    }

    /**
     * The sequence number of {@code number} if it belongs to the (position, year) sequence, e.g. to continue
     * after the highest existing one; empty for a number of another sequence or another rule.
     */
    public OptionalInt sequenceOf(String number, int year, String positionCode) {
        String prefix = prefix(year, positionCode);
        if (number == null || number.length() != prefix.length() + width || !number.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        String digits = number.substring(prefix.length());
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int sequence = Integer.parseInt(digits);
        return sequence == 0 ? OptionalInt.empty() : OptionalInt.of(sequence);
    }

    /** The highest sequence number the width allows (999999 for {@code {seq:6}}). */
    public int maxSequence() {
        int max = 9;
        for (int i = 1; i < width; i++) {
            max = max * 10 + 9;
        }
        return max;
    }

    /**
     * Refuses up front a run that would overflow the sequence, so a job stops before it numbers anyone
     * rather than after it has numbered some.
     *
     * @param highestUsed the highest sequence number already used (0 if none)
     * @param toNumber    how many more numbers the run needs
     * @throws IllegalArgumentException if {@code highestUsed + toNumber > maxSequence()}
     */
    public void checkCapacity(int year, String positionCode, int highestUsed, long toNumber) {
        if (highestUsed < 0 || toNumber < 0) {
            throw new IllegalArgumentException("negative count: highest used " + highestUsed + ", to number "
                    + toNumber);
        }
        if (highestUsed + toNumber > maxSequence()) {
            throw new IllegalArgumentException("sequence " + prefix(year, positionCode) + " of " + pattern
                    + " overflows: " + highestUsed + " used, " + toNumber + " more needed, room for "
                    + maxSequence() + " (" + width + " digits); widen {seq:N}");
        }
    }

    /** The pattern this rule was made from. */
    public String pattern() {
        return pattern;
    }

    /** The province code, or null if the pattern does not use it. */
    public String provinceCode() {
        return provinceCode;
    }

    /** The digits of {@code {seq:N}}. */
    public int sequenceWidth() {
        return width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateNumberRule other && pattern.equals(other.pattern)
                && Objects.equals(provinceCode, other.provinceCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, provinceCode);
    }

    @Override
    public String toString() {
        return "CertificateNumberRule[" + pattern + (provinceCode == null ? "" : ", province " + provinceCode) + "]";
    }
}
