package org.kaowu.domain.score;

/**
 * 拒收行 — why a line was not imported.
 *
 * @param reasonCode a bundle-key-like code ({@code score.line.scoreRange}) for counting and translating
 * @param reasonText the reason in Chinese for the rejected-lines file; never contains the ID number
 */
public record Rejection(long lineNumber, String reasonCode, String reasonText) implements LineResult {
}
