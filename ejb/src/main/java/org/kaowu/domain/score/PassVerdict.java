package org.kaowu.domain.score;

/** 合格 / 不合格 — the outcome of {@link PassRule} for one candidate and position. */
public enum PassVerdict {
    PASS("合格"),
    FAIL("不合格");

    private final String label;

    PassVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
