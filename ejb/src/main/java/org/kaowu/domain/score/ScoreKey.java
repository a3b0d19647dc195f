package org.kaowu.domain.score;

/** 成绩键 — (准考证号, 科目): at most one score per ticket and subject. */
public record ScoreKey(String ticketNo, String subject) {

    /**
     * The key {@link ScoreLineRules} gives a line it accepts (ticket trimmed and half-width, subject trimmed): a
     * restarted import rebuilds the keys accepted before its checkpoint with this.
     */
    public static ScoreKey of(ScoreLine line) {
        return new ScoreKey(Text.halfWidth(Text.trim(line.ticketNo())), Text.trim(line.subject()));
    }

    /** Trimmed the way the rules trim (also U+3000, U+00A0, BOM). */
    public static String trim(String value) {
        return Text.trim(value);
    }
}
