package org.kaowu.domain.score;

import java.math.BigDecimal;

/** 科目成绩 — one subject's outcome, what {@link PassRule} needs; {@code score} is null unless 正常. */
public record SubjectScore(String subject, ScoreStatus status, BigDecimal score) {
}
