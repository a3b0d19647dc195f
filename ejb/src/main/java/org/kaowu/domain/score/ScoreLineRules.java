package org.kaowu.domain.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 成绩行校验 — turns one {@link ScoreLine} into a {@link ValidScore} or a {@link Rejection}. Checks in a fixed
 * order, cheapest and most basic first, so the operator is told the first real problem: reader problems,
 * required fields, ID shape, status, score, then the database facts through {@link TicketLookup}, then
 * duplicates.
 * <p>
 * Stateful: remembers the (ticket, subject) pairs accepted so far, so the second valid line for the same pair
 * is rejected. A restarted import passes the keys it accepted before its checkpoint to the constructor. One
 * instance per import run; not thread-safe.
 */
public final class ScoreLineRules {

    public static final BigDecimal DEFAULT_MAX_SCORE = new BigDecimal("100");

    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** What a reason may quote of the operator's input, so one absurd cell cannot bloat the file. */
    private static final int QUOTE_MAX = 20;

    private final TicketLookup lookup;
    private final BigDecimal maxScore;
    private final SeenKeys seen;

    public ScoreLineRules(TicketLookup lookup) {
        this(lookup, DEFAULT_MAX_SCORE, List.of());
    }

    /**
     * @param maxScore        full marks unless {@link TicketLookup#maxScore} says otherwise for a subject
     * @param alreadyImported keys accepted by this same import run before its last checkpoint (empty on a
     *                        first start) — not every score in the database, or re-importing a file would
     *                        reject every line as a duplicate
     */
    public ScoreLineRules(TicketLookup lookup, BigDecimal maxScore, Collection<ScoreKey> alreadyImported) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.maxScore = Objects.requireNonNull(maxScore, "maxScore");
        if (maxScore.signum() <= 0) {
            throw new IllegalArgumentException("maxScore must be positive");
        }
        this.seen = new SeenKeys(Math.max(1024, alreadyImported.size()));
        for (ScoreKey key : alreadyImported) {
            seen.add(key.ticketNo(), key.subject());
        }
    }

    /** Validates a chunk: one {@link TicketLookup#prefetch} for all its tickets, then each line in order. */
    public List<LineResult> validateAll(List<ScoreLine> lines) {
        Set<String> tickets = new LinkedHashSet<>();
        for (ScoreLine line : lines) {
            tickets.add(ticketNo(line));
        }
        lookup.prefetch(tickets);
        List<LineResult> results = new ArrayList<>(lines.size());
        for (ScoreLine line : lines) {
            results.add(validate(line));
        }
        return results;
    }

    public LineResult validate(ScoreLine line) {
        long n = line.lineNumber();
        if (line.readProblem() != null) {
            return line.readProblem();
        }
        String ticketNo = ticketNo(line);
        if (ticketNo.isEmpty()) {
            return new Rejection(n, "score.line.ticketRequired", "准考证号为空");
        }
        String subject = Text.trim(line.subject());
        if (subject.isEmpty()) {
            return new Rejection(n, "score.line.subjectRequired", "科目为空");
        }
        String name = Text.trim(line.name());
        if (name.isEmpty()) {
            return new Rejection(n, "score.line.nameRequired", "姓名为空");
        }
        String idNumber = Text.halfWidth(Text.trim(line.idNumber())).replace('x', 'X');
        if (idNumber.isEmpty()) {
            return new Rejection(n, "score.line.idRequired", "身份证号为空");
        }
        if (!ID_SHAPE.matcher(idNumber).matches()) {
            return new Rejection(n, "score.line.idFormat", "身份证号应为18位（17位数字加一位数字或X）");
        }
        String statusText = Text.trim(line.status());
        if (statusText.isEmpty()) {
            return new Rejection(n, "score.line.statusRequired", "状态为空（正常、缺考、违纪或无效）");
        }
        Optional<ScoreStatus> status = ScoreStatus.ofLabel(statusText);
        if (status.isEmpty()) {
            return new Rejection(n, "score.line.statusUnknown",
                    "状态只能是正常、缺考、违纪或无效：" + quote(statusText));
        }
        String scoreText = Text.halfWidth(Text.trim(line.score()));
        BigDecimal score = null;
        if (!scoreText.isEmpty()) {
            char first = scoreText.charAt(0);
            if (first == '=' || first == '+' || first == '@'
                    || (first == '-' && !NUMBER.matcher(scoreText.substring(1)).matches())) {
                return new Rejection(n, "score.line.scoreFormula", "成绩不能是公式或以=、+、-、@开头的文本");
            }
            if (first == '-') {
                return new Rejection(n, "score.line.scoreNegative", "成绩不能为负数：" + quote(scoreText));
            }
            if (!NUMBER.matcher(scoreText).matches()) {
                return new Rejection(n, "score.line.scoreNotNumber", "成绩不是数字：" + quote(scoreText));
            }
            score = new BigDecimal(scoreText);
            if (score.stripTrailingZeros().scale() > 1) {
                return new Rejection(n, "score.line.scoreDecimals", "成绩最多保留1位小数：" + scoreText);
            }
        }
        if (status.get() == ScoreStatus.NORMAL && score == null) {
            return new Rejection(n, "score.line.scoreRequired", "状态为正常时必须填写成绩");
        }
        if (status.get() != ScoreStatus.NORMAL && score != null) {
            // 缺考 with 0 is ambiguous (absent, or sat and scored 0?): ask the operator to decide.
            return new Rejection(n, "score.line.scoreWithStatus", "状态为" + statusText + "时成绩应为空");
        }
        Optional<TicketLookup.Ticket> found = lookup.ticket(ticketNo);
        if (found.isEmpty()) {
            return new Rejection(n, "score.line.unknownTicket", "准考证号在本批次中不存在：" + quote(ticketNo));
        }
        TicketLookup.Ticket ticket = found.get();
        if (!idNumber.equals(ticket.idNumber())) {
            return new Rejection(n, "score.line.idMismatch", "身份证号与准考证登记的不一致");
        }
        if (!sameName(name, ticket.name())) {
            return new Rejection(n, "score.line.nameMismatch", "姓名与准考证登记的不一致");
        }
        if (!ticket.subjects().contains(subject)) {
            return new Rejection(n, "score.line.subjectNotOffered", "该考生没有这个科目：" + quote(subject));
        }
        if (score != null) {
            BigDecimal max = lookup.maxScore(subject).orElse(maxScore);
            if (score.compareTo(max) > 0) {
                return new Rejection(n, "score.line.scoreRange",
                        "成绩超出范围（0–" + max.stripTrailingZeros().toPlainString() + "）：" + scoreText);
            }
            score = score.setScale(1, RoundingMode.UNNECESSARY);
        }
        if (!seen.add(ticketNo, subject)) {
            return new Rejection(n, "score.line.duplicate", "同一准考证号和科目重复出现，已保留前面的行");
        }
        return new ValidScore(n, ticketNo, idNumber, name, subject, score, status.get());
    }

    private static String ticketNo(ScoreLine line) {
        return Text.halfWidth(Text.trim(line.ticketNo()));
    }

    /**
     * Ignores spaces and the several dots used in minority names (买买提·艾力 typed with ·, •, ・ or .), which
     * differ between the registration form and the scoring system without being different names.
     */
    static boolean sameName(String a, String b) {
        return b != null && canonicalName(a).equals(canonicalName(b));
    }

    private static String canonicalName(String name) {
        String key = Text.headerKey(name);
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            out.append(c == '•' || c == '・' || c == '．' || c == '.' || c == '\u2027' ? '·' : c);
        }
        return out.toString();
    }

    private static String quote(String value) {
        return value.length() <= QUOTE_MAX ? value : value.substring(0, QUOTE_MAX) + "…";
    }
}
