package org.kaowu.domain.score;

import java.math.BigDecimal;

/**
 * 有效成绩 — a line that passed every rule, normalised: trimmed, half-width, ID with upper-case X, score with
 * one decimal ({@code 85.0}), or {@code null} when the status is not 正常.
 */
public record ValidScore(long lineNumber, String ticketNo, String idNumber, String name, String subject,
                         BigDecimal score, ScoreStatus status) implements LineResult {

    public ScoreKey key() {
        return new ScoreKey(ticketNo, subject);
    }

    public SubjectScore subjectScore() {
        return new SubjectScore(subject, status, score);
    }
}
