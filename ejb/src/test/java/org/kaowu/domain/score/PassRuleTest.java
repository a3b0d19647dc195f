package org.kaowu.domain.score;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PassRuleTest {

    private static final Map<String, BigDecimal> LINES = Map.of(
            "综合知识", new BigDecimal("60"),
            "专业科目", new BigDecimal("55.5"));

    private static SubjectScore normal(String subject, String score) {
        return new SubjectScore(subject, ScoreStatus.NORMAL, new BigDecimal(score));
    }

    @Test
    void passesWhenEveryRequiredSubjectReachesItsLine() {
        assertEquals(PassVerdict.PASS, PassRule.judge(LINES, List.of(normal("综合知识", "60"), normal("专业科目", "55.5"))));
        assertEquals(PassVerdict.PASS, PassRule.judge(LINES, List.of(normal("综合知识", "99"), normal("专业科目", "100"))));
        assertEquals("合格", PassVerdict.PASS.label());
    }

    @Test
    void oneSubjectBelowItsLineFails() {
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES, List.of(normal("综合知识", "59.9"), normal("专业科目", "90"))));
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES, List.of(normal("综合知识", "90"), normal("专业科目", "55.4"))));
        assertEquals("不合格", PassVerdict.FAIL.label());
    }

    @Test
    void aMissingSubjectFails() {
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES, List.of(normal("综合知识", "90"))));
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES, List.of()));
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES, List.of(normal("综合知识", "90"), normal("申论", "90"))),
                "a subject the position does not require does not stand in for one it does");
    }

    @Test
    void anyNonNormalStatusFails() {
        for (ScoreStatus status : List.of(ScoreStatus.ABSENT, ScoreStatus.MISCONDUCT, ScoreStatus.VOID)) {
            assertEquals(PassVerdict.FAIL, PassRule.judge(LINES,
                    List.of(normal("综合知识", "90"), new SubjectScore("专业科目", status, null))), status.label());
            assertEquals(PassVerdict.FAIL, PassRule.judge(LINES,
                    List.of(normal("综合知识", "90"), new SubjectScore("专业科目", status, new BigDecimal("90")))),
                    "a score next to " + status.label() + " does not count");
        }
    }

    @Test
    void aDuplicatedSubjectMustPassBothTimes() {
        assertEquals(PassVerdict.FAIL, PassRule.judge(LINES,
                List.of(normal("综合知识", "90"), normal("专业科目", "90"), normal("专业科目", "10"))));
    }

    @Test
    void unrequiredSubjectsAreIgnored() {
        assertEquals(PassVerdict.PASS, PassRule.judge(LINES,
                List.of(normal("综合知识", "90"), normal("专业科目", "90"), new SubjectScore("体测", ScoreStatus.ABSENT, null))));
    }

    @Test
    void aPositionWithoutPassLinesIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> PassRule.judge(Map.of(), List.of(normal("综合知识", "90"))));
        Map<String, BigDecimal> missingLine = new LinkedHashMap<>();
        missingLine.put("综合知识", null);
        assertThrows(IllegalArgumentException.class, () -> PassRule.judge(missingLine, List.of()));
    }
}
