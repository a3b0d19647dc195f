package org.kaowu.domain.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreLineRulesTest {

    static final String TICKET = "202601010001";
    static final String ID = "11010519900307123X";

    /** A map-backed lookup, as the integrator's per-chunk implementation would be. */
    static final class MapLookup implements TicketLookup {
        final Map<String, Ticket> tickets = new HashMap<>();
        final List<Collection<String>> prefetched = new ArrayList<>();
        final Map<String, BigDecimal> max = new HashMap<>();

        MapLookup add(String ticketNo, String id, String name, String... subjects) {
            tickets.put(ticketNo, new Ticket(ticketNo, id, name, Set.of(subjects)));
            return this;
        }

        @Override
        public Optional<Ticket> ticket(String ticketNo) {
            return Optional.ofNullable(tickets.get(ticketNo));
        }

        @Override
        public void prefetch(Collection<String> ticketNos) {
            prefetched.add(List.copyOf(ticketNos));
        }

        @Override
        public Optional<BigDecimal> maxScore(String subject) {
            return Optional.ofNullable(max.get(subject));
        }
    }

    private final MapLookup lookup = new MapLookup()
            .add(TICKET, ID, "张三", "综合知识", "专业科目")
            .add("202601010002", "110105199003071234", "买买提·艾力", "综合知识");

    private static ScoreLine line(long n, String ticket, String id, String name, String subject, String score, String status) {
        return new ScoreLine(n, ticket, id, name, subject, score, status,
                List.of(ticket, id, name, subject, score, status), "", null);
    }

    private static ScoreLine line(String score, String status) {
        return line(2, TICKET, ID, "张三", "综合知识", score, status);
    }

    private LineResult check(ScoreLine line) {
        return new ScoreLineRules(lookup).validate(line);
    }

    private void assertRejected(String code, ScoreLine line) {
        LineResult result = check(line);
        Rejection rejection = assertInstanceOf(Rejection.class, result, () -> "expected " + code + " for " + line);
        assertEquals(code, rejection.reasonCode());
        assertEquals(line.lineNumber(), rejection.lineNumber());
        assertFalse(rejection.reasonText().isBlank());
        assertFalse(rejection.reasonText().contains(ID), "reasons never quote the ID number");
    }

    @Test
    void aGoodLineBecomesANormalisedScore() {
        ValidScore score = assertInstanceOf(ValidScore.class,
                check(line(7, " 202601010001 ", "11010519900307123x", " 张三 ", "综合知识", " 85.5 ", " 正常 ")));
        assertEquals(7, score.lineNumber());
        assertEquals(TICKET, score.ticketNo());
        assertEquals(ID, score.idNumber(), "lower-case x is stored upper-case");
        assertEquals("张三", score.name());
        assertEquals(new BigDecimal("85.5"), score.score());
        assertEquals(ScoreStatus.NORMAL, score.status());
        assertEquals(new ScoreKey(TICKET, "综合知识"), score.key());
    }

    @ParameterizedTest
    @CsvSource({
            "１２３．５, 123.5",
            "８５, 85.0",
            "150, 150.0",
            "0, 0.0",
            "90.50, 90.5",
            "'\u300088\u3000', 88.0",
    })
    void scoresAreNormalisedAndKeptToOneDecimal(String raw, String expected) {
        lookup.max.put("综合知识", new BigDecimal("150"));   // so that 123.5 is in range
        ValidScore score = assertInstanceOf(ValidScore.class, check(line(raw, "正常")));
        assertEquals(new BigDecimal(expected), score.score());
    }

    @Test
    void scoresOutOfRangeOrNotNumbersAreRejected() {
        assertRejected("score.line.scoreNegative", line("-5", "正常"));
        assertRejected("score.line.scoreNegative", line("－５", "正常"));
        assertRejected("score.line.scoreRange", line("100.5", "正常"));
        assertRejected("score.line.scoreRange", line("１２３．５", "正常"));
        assertRejected("score.line.scoreNotNumber", line("八十", "正常"));
        assertRejected("score.line.scoreNotNumber", line("85分", "正常"));
        assertRejected("score.line.scoreNotNumber", line("8 5", "正常"));
        assertRejected("score.line.scoreNotNumber", line("1e2", "正常"));
        assertRejected("score.line.scoreNotNumber", line(".5", "正常"));
        assertRejected("score.line.scoreDecimals", line("85.25", "正常"));
    }

    @Test
    void formulaLookingScoresAreRejected() {
        for (String payload : List.of("=cmd|' /C calc'!A0", "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(1,2)", "=85")) {
            assertRejected("score.line.scoreFormula", line(payload, "正常"));
        }
    }

    @Test
    void statusDecidesWhetherAScoreIsNeeded() {
        for (String status : List.of("缺考", "违纪", "无效")) {
            ValidScore score = assertInstanceOf(ValidScore.class, check(line("", status)));
            assertNull(score.score());
            assertEquals(ScoreStatus.ofLabel(status).orElseThrow(), score.status());
            assertRejected("score.line.scoreWithStatus", line("0", status));
        }
        assertRejected("score.line.scoreRequired", line("", "正常"));
        assertRejected("score.line.scoreRequired", line("  ", "正常"));
        assertRejected("score.line.statusUnknown", line("80", "请假"));
        assertRejected("score.line.statusUnknown", line("80", "normal"));
        assertRejected("score.line.statusRequired", line("80", ""));
    }

    @Test
    void requiredFieldsAndIdShape() {
        assertRejected("score.line.ticketRequired", line(2, " ", ID, "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.subjectRequired", line(2, TICKET, ID, "张三", "", "80", "正常"));
        assertRejected("score.line.nameRequired", line(2, TICKET, ID, "", "综合知识", "80", "正常"));
        assertRejected("score.line.idRequired", line(2, TICKET, "", "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.idFormat", line(2, TICKET, "1101051990030712", "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.idFormat", line(2, TICKET, "1.10105199003071E+17", "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.idFormat", line(2, TICKET, "11010519900307123Y", "张三", "综合知识", "80", "正常"));
        // full-width digits in the ID are normalised like the score
        assertInstanceOf(ValidScore.class, check(line(2, TICKET, "１１０１０５１９９００３０７１２３ｘ", "张三", "综合知识", "80", "正常")));
    }

    @Test
    void databaseFactsComeFromTheLookup() {
        assertRejected("score.line.unknownTicket", line(2, "209999999999", ID, "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.idMismatch", line(2, TICKET, "110105199003071234", "张三", "综合知识", "80", "正常"));
        assertRejected("score.line.nameMismatch", line(2, TICKET, ID, "张叁", "综合知识", "80", "正常"));
        assertRejected("score.line.subjectNotOffered", line(2, TICKET, ID, "张三", "申论", "80", "正常"));
        // dots in minority names differ between systems without being different names
        assertInstanceOf(ValidScore.class,
                check(line(2, "202601010002", "110105199003071234", "买买提•艾力", "综合知识", "80", "正常")));
        assertInstanceOf(ValidScore.class,
                check(line(2, "202601010002", "110105199003071234", "买买提 · 艾力", "综合知识", "80", "正常")));
    }

    @Test
    void perSubjectFullMarksFromTheLookup() {
        lookup.max.put("专业科目", new BigDecimal("150"));
        ScoreLineRules rules = new ScoreLineRules(lookup);
        assertInstanceOf(ValidScore.class, rules.validate(line(2, TICKET, ID, "张三", "专业科目", "149.5", "正常")));
        assertInstanceOf(Rejection.class, rules.validate(line(3, TICKET, ID, "张三", "专业科目", "150.5", "正常")));
        assertInstanceOf(Rejection.class, rules.validate(line(4, TICKET, ID, "张三", "综合知识", "100.5", "正常")));
    }

    @Test
    void theSecondLineForTheSameTicketAndSubjectIsADuplicate() {
        ScoreLineRules rules = new ScoreLineRules(lookup);
        assertInstanceOf(Rejection.class, rules.validate(line(2, TICKET, ID, "张三", "综合知识", "-1", "正常")),
                "a rejected line does not claim the key");
        assertInstanceOf(ValidScore.class, rules.validate(line(3, TICKET, ID, "张三", "综合知识", "80", "正常")));
        assertInstanceOf(ValidScore.class, rules.validate(line(4, TICKET, ID, "张三", "专业科目", "80", "正常")));
        Rejection dup = assertInstanceOf(Rejection.class, rules.validate(line(5, " " + TICKET, ID, "张三", "综合知识", "90", "正常")));
        assertEquals("score.line.duplicate", dup.reasonCode());
        assertEquals(5, dup.lineNumber());
    }

    @Test
    void aRestartedRunRebuildsTheSeenKeys() {
        ScoreLineRules rules = new ScoreLineRules(lookup, ScoreLineRules.DEFAULT_MAX_SCORE,
                List.of(new ScoreKey(TICKET, "综合知识")));
        Rejection dup = assertInstanceOf(Rejection.class, rules.validate(line("80", "正常")));
        assertEquals("score.line.duplicate", dup.reasonCode());
        assertInstanceOf(ValidScore.class, rules.validate(line(3, TICKET, ID, "张三", "专业科目", "80", "正常")));
    }

    @Test
    void aProblemFoundByTheReaderComesFirst() {
        Rejection problem = new Rejection(9, "score.line.dateScore", "成绩单元格是日期格式：2026-01-05");
        ScoreLine line = new ScoreLine(9, TICKET, ID, "张三", "综合知识", "2026-01-05", "正常", List.of(), "", problem);
        assertEquals(problem, check(line));
    }

    @Test
    void validateAllPrefetchesTheChunksTicketsOnce() {
        ScoreLineRules rules = new ScoreLineRules(lookup);
        List<LineResult> results = rules.validateAll(List.of(
                line(2, TICKET, ID, "张三", "综合知识", "80", "正常"),
                line(3, TICKET, ID, "张三", "专业科目", "81", "正常"),
                line(4, "202601010002", "110105199003071234", "买买提·艾力", "综合知识", "82", "正常")));
        assertEquals(List.of(List.of(TICKET, "202601010002")), lookup.prefetched);
        assertTrue(results.stream().allMatch(r -> r instanceof ValidScore));
    }

    @Test
    void maxScoreMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreLineRules(lookup, BigDecimal.ZERO, List.of()));
    }

    @Test
    void seenKeysGrowAndStillFindEveryKey() {
        SeenKeys keys = new SeenKeys(16);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(keys.add(Integer.toString(i), "科目"));
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertFalse(keys.add(Integer.toString(i), "科目"));
        }
        assertTrue(keys.add("12", "3"));
        assertTrue(keys.add("1", "23"), "the separator keeps (12,3) and (1,23) apart");
        assertEquals(100_002, keys.size());
    }
}
