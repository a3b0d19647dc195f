package org.kaowu.domain.score;

/** 成绩键 — (准考证号, 科目): at most one score per ticket and subject. */
public record ScoreKey(String ticketNo, String subject) {
}
