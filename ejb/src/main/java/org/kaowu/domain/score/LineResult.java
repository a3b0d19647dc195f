package org.kaowu.domain.score;

/** 校验结果 — what {@link ScoreLineRules} makes of one line: a {@link ValidScore} or a {@link Rejection}. */
public sealed interface LineResult permits ValidScore, Rejection {

    long lineNumber();
}
