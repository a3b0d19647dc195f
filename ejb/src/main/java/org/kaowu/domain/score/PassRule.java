package org.kaowu.domain.score;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * 合格线规则 — 合格 only if every subject the position requires has a score with status 正常 at or above that
 * subject's pass line. A missing subject, or any 缺考/违纪/无效 among the required ones, is 不合格. Scores of
 * subjects the position does not require are ignored. Pure function.
 */
public final class PassRule {

    private PassRule() {
    }

    /**
     * @param passLines required subject → pass line (the position's configuration); must not be empty
     * @param scores    the candidate's scores for this position; if a subject appears twice, both must pass
     * @throws IllegalArgumentException if no subject is required or a pass line is missing: a configuration
     *                                  error that must not silently pass or fail everyone
     */
    public static PassVerdict judge(Map<String, BigDecimal> passLines, Collection<SubjectScore> scores) {
        Objects.requireNonNull(scores, "scores");
        if (passLines == null || passLines.isEmpty()) {
            throw new IllegalArgumentException("the position requires no subject: configure its pass lines");
        }
        Map<String, Boolean> passed = new HashMap<>();
        for (SubjectScore s : scores) {
            BigDecimal line = passLines.get(s.subject());
            if (line == null && !passLines.containsKey(s.subject())) {
                continue;   // not required for this position
            }
            if (line == null) {
                throw new IllegalArgumentException("no pass line for subject " + s.subject());
            }
            boolean ok = s.status() == ScoreStatus.NORMAL && s.score() != null && s.score().compareTo(line) >= 0;
            passed.merge(s.subject(), ok, Boolean::logicalAnd);
        }
        for (Map.Entry<String, BigDecimal> required : passLines.entrySet()) {
            if (required.getValue() == null) {
                throw new IllegalArgumentException("no pass line for subject " + required.getKey());
            }
            if (!passed.getOrDefault(required.getKey(), false)) {
                return PassVerdict.FAIL;
            }
        }
        return PassVerdict.PASS;
    }
}
