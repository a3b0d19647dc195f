package org.kaowu.domain.score;

import java.util.Optional;

/** 成绩状态 — 正常 / 缺考 / 违纪 / 无效. Only {@link #NORMAL} carries a score. */
public enum ScoreStatus {
    NORMAL("正常"),
    ABSENT("缺考"),
    MISCONDUCT("违纪"),
    VOID("无效");

    private final String label;

    ScoreStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Exact match on the Chinese label (the caller trims); empty for anything else. */
    public static Optional<ScoreStatus> ofLabel(String label) {
        for (ScoreStatus s : values()) {
            if (s.label.equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
