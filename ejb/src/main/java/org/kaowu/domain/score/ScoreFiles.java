package org.kaowu.domain.score;

import org.kaowu.domain.candidate.IdNumber;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 成绩样例文件 — generates valid score files of any size, deterministically, for unit tests, the batch ITs
 * and the import benchmark (in main, not test, so the other modules can use it without a test-jar). Line i
 * (0-based) is candidate i / 2 in subject {@code SUBJECTS[i % 2]}; every 50th candidate was 缺考 in the
 * first subject. {@link #lookup()} answers for the generated tickets by computing them back, so tests need no
 * database. The values are fabricated: the ID numbers are well-formed but belong to nobody known.
 */
public final class ScoreFiles {

    public static final List<String> SUBJECTS = List.of("综合知识", "专业科目");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"};
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private ScoreFiles() {
    }

    /** {@code lines} data lines after the header, UTF-8 with BOM. */
    public static Path csv(Path target, int lines) {
        return csv(target, lines, StandardCharsets.UTF_8, true);
    }

    /** {@code bom} is honoured for UTF-8 only; GBK files from Excel have none. */
    public static Path csv(Path target, int lines, Charset charset, boolean bom) {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), charset), 1 << 20)) {
            if (bom && charset.equals(StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
            }
            out.write(String.join(",", ScoreTemplate.header()));
            out.write("\r\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < lines; i++) {
                line.setLength(0);
                int candidate = i / SUBJECTS.size();
                int subject = i % SUBJECTS.size();
                boolean absent = subject == 0 && candidate % 50 == 49;
                line.append(ticketNo(candidate)).append(',')
                        .append(idNumber(candidate)).append(',')
                        .append(name(candidate)).append(',')
                        .append(SUBJECTS.get(subject)).append(',');
                if (!absent) {
                    int tenths = (int) ((i * 7919L) % 1001);   // 0.0 … 100.0, spread evenly
                    line.append(tenths / 10).append('.').append(tenths % 10);
                }
                line.append(',').append(absent ? ScoreStatus.ABSENT.label() : ScoreStatus.NORMAL.label()).append("\r\n");
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** 12 digits: "2026" + the candidate index, zero-padded. */
    public static String ticketNo(int candidate) {
        return "2026" + pad(candidate, 8);
    }

    public static String idNumber(int candidate) {
        int day = candidate % 365;
        int month = 0;
        while (day >= DAYS_IN_MONTH[month]) {
            day -= DAYS_IN_MONTH[month++];
        }
        int year = 1970 + (candidate / 365) % 30;
        String id17 = "110105" + year + pad(month + 1, 2) + pad(day + 1, 2) + pad(candidate % 1000, 3);
        return id17 + IdNumber.checkDigit(id17);
    }

    public static String name(int candidate) {
        return SURNAMES[candidate % SURNAMES.length] + GIVEN[(candidate / SURNAMES.length) % GIVEN.length];
    }

    /** A lookup that knows every generated ticket (any index), both subjects, full marks 100. */
    public static TicketLookup lookup() {
        return new TicketLookup() {
            @Override
            public Optional<Ticket> ticket(String ticketNo) {
                if (ticketNo.length() != 12 || !ticketNo.startsWith("2026")) {
                    return Optional.empty();
                }
                int candidate;
                try {
                    candidate = Integer.parseInt(ticketNo.substring(4));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                return Optional.of(new Ticket(ticketNo, idNumber(candidate), name(candidate), Set.copyOf(SUBJECTS)));
            }

            @Override
            public Optional<BigDecimal> maxScore(String subject) {
                return Optional.empty();
            }
        };
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
