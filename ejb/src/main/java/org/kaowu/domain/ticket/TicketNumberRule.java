package org.kaowu.domain.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 准考证号规则 — builds admission-ticket numbers from a pattern of literal text and placeholders:
 * <ul>
 *   <li>{@code {yy}} / {@code {yyyy}} — the exam year, 2 or 4 digits</li>
 *   <li>{@code {batch}} — the batch code, {@code {site}} — the site code, as given</li>
 *   <li>{@code {room:N}} / {@code {seat:N}} — room and seat number, zero-padded to exactly N digits (1..9)</li>
 * </ul>
 * The default {@value #DEFAULT_PATTERN} gives "26" + "2026A" + "HZ01" + "007" + "03" for year 2026, batch
 * 2026A, site HZ01, room 7, seat 3. The pattern is checked when the rule is made, so a bad configuration fails
 * at start-up rather than on the first ticket. {@code {room}} and {@code {seat}} are required and need a
 * width: fixed-width room and seat numbers are what keep two tickets of one site apart.
 */
public final class TicketNumberRule {

    public static final String DEFAULT_PATTERN = "{yy}{batch}{site}{room:3}{seat:2}";

    private static final int MAX_WIDTH = 9;

    private enum Kind { LITERAL, YY, YYYY, BATCH, SITE, ROOM, SEAT }

    private record Part(Kind kind, String text, int width) {
    }

    private final String pattern;
    private final List<Part> parts;

    private TicketNumberRule(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /** The rule with {@value #DEFAULT_PATTERN}. */
    public static TicketNumberRule defaultRule() {
        return of(DEFAULT_PATTERN);
    }

    /**
     * Parses and checks a pattern.
     *
     * @throws IllegalArgumentException on an unknown placeholder, an unclosed or stray brace, a missing or
     *                                  bad width, or a pattern without {@code {room:N}} and {@code {seat:N}}
     */
    public static TicketNumberRule of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<Part> parts = new ArrayList<>();
        boolean room = false;
        boolean seat = false;
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
                parts.add(new Part(Kind.LITERAL, pattern.substring(i, end), 0));
                i = end;
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                throw invalid(pattern, "'{' at position " + i + " is never closed");
            }
            String body = pattern.substring(i + 1, close);
            if (body.indexOf('{') >= 0) {
                throw invalid(pattern, "'{' at position " + i + " is never closed");
            }
            Part part = placeholder(pattern, body);
            room |= part.kind() == Kind.ROOM;
            seat |= part.kind() == Kind.SEAT;
            parts.add(part);
            i = close + 1;
        }
        if (!room || !seat) {
            throw invalid(pattern, "it must contain {room:N} and {seat:N}, or ticket numbers are not unique");
        }
        return new TicketNumberRule(pattern, parts);
    }

    private static Part placeholder(String pattern, String body) {
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        Kind kind = switch (name) {
            case "yy" -> Kind.YY;
            case "yyyy" -> Kind.YYYY;
            case "batch" -> Kind.BATCH;
            case "site" -> Kind.SITE;
            case "room" -> Kind.ROOM;
            case "seat" -> Kind.SEAT;
            default -> throw invalid(pattern, "unknown placeholder {" + body + "}; known: {yy} {yyyy} {batch} "
                    + "{site} {room:N} {seat:N}");
        };
        boolean numbered = kind == Kind.ROOM || kind == Kind.SEAT;
        if (!numbered) {
            if (colon >= 0) {
                throw invalid(pattern, "{" + name + "} takes no width");
            }
            return new Part(kind, null, 0);
        }
        if (colon < 0) {
            throw invalid(pattern, "{" + name + "} needs a width, e.g. {" + name + ":" + (kind == Kind.ROOM ? 3 : 2)
                    + "}");
        }
        String digits = body.substring(colon + 1);
        if (!digits.matches("[0-9]{1,2}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_WIDTH) {
            throw invalid(pattern, "bad width in {" + body + "}: a number from 1 to " + MAX_WIDTH);
        }
        return new Part(kind, null, Integer.parseInt(digits));
    }

    private static IllegalArgumentException invalid(String pattern, String why) {
        return new IllegalArgumentException("ticket number pattern \"" + pattern + "\": " + why);
    }

    /**
     * The ticket number for one seat.
     *
     * @param year      the exam year (4 digits, e.g. 2026)
     * @param batchCode the batch code, not blank
     * @param siteCode  the site code, not blank
     * @param roomNo    the room number, 1 or more, fitting the {@code {room:N}} width
     * @param seatNo    the seat number, 1 or more, fitting the {@code {seat:N}} width
     * @throws IllegalArgumentException if a value is missing or a number does not fit its width
     */
    public String format(int year, String batchCode, String siteCode, int roomNo, int seatNo) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have 4 digits, was " + year);
        }
        requireCode("batch code", batchCode);
        requireCode("site code", siteCode);
        StringBuilder out = new StringBuilder(32);
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL -> out.append(part.text());
                case YY -> out.append(pad(year % 100, 2));
                case YYYY -> out.append(year);
                case BATCH -> out.append(batchCode);
                case SITE -> out.append(siteCode);
                case ROOM -> out.append(fit("room", roomNo, part.width()));
                case SEAT -> out.append(fit("seat", seatNo, part.width()));
            }
        }
        return out.toString();
    }

    /** The pattern this rule was made from. */
    public String pattern() {
        return pattern;
    }

    private static void requireCode(String what, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    private static String fit(String what, int number, int width) {
        if (number < 1) {
            throw new IllegalArgumentException(what + " number must be at least 1, was " + number);
        }
        String digits = Integer.toString(number);
        if (digits.length() > width) {
            throw new IllegalArgumentException(what + " number " + number + " does not fit in " + width
                    + " digit" + (width == 1 ? "" : "s"));
        }
        return pad(number, width);
    }

    private static String pad(int number, int width) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketNumberRule other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return "TicketNumberRule[" + pattern + "]";
    }
}
