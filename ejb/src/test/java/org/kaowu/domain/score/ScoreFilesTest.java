package org.kaowu.domain.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The generator, and the streaming check on a 1,000,000-line file (rates printed, never asserted). */
class ScoreFilesTest {

    @TempDir
    Path dir;

    @Test
    void generatedLinesAllPassTheRules() {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            Path file = ScoreFiles.csv(dir.resolve("small-" + charset.name() + ".csv"), 10_000, charset, true);
            ScoreLineRules rules = new ScoreLineRules(ScoreFiles.lookup());
            int absent = 0;
            try (ScoreFileReader reader = ScoreFileReader.open(file)) {
                assertEquals(charset.equals(StandardCharsets.UTF_8) ? ScoreFileFormat.CSV_UTF8 : ScoreFileFormat.CSV_GBK,
                        reader.format());
                int count = 0;
                while (reader.hasNext()) {
                    ValidScore score = assertInstanceOf(ValidScore.class, rules.validate(reader.next()));
                    absent += score.status() == ScoreStatus.ABSENT ? 1 : 0;
                    count++;
                }
                assertEquals(10_000, count);
            }
            assertEquals(100, absent, "every 50th candidate was absent in the first subject");
        }
    }

    @Test
    void streamsAMillionLines() throws Exception {
        int lines = 1_000_000;
        Path file = dir.resolve("million.csv");
        long t0 = System.nanoTime();
        ScoreFiles.csv(file, lines);
        long t1 = System.nanoTime();
        long count = 0;
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        }
        long t2 = System.nanoTime();
        assertEquals(lines, count);

        long valid = 0;
        ScoreLineRules rules = new ScoreLineRules(ScoreFiles.lookup());
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            while (reader.hasNext()) {
                valid += rules.validate(reader.next()) instanceof ValidScore ? 1 : 0;
            }
        }
        long t3 = System.nanoTime();
        assertEquals(lines, valid);

        long t4 = System.nanoTime();
        // Restart near the end: the header is line 1, so data lines are 2 … lines + 1.
        try (ScoreFileReader reader = ScoreFileReader.open(file, lines)) {
            assertEquals(lines + 1, reader.next().lineNumber());
            assertEquals(false, reader.hasNext());
        }
        long t5 = System.nanoTime();

        Runtime rt = Runtime.getRuntime();
        System.out.printf("[score streaming] %,d lines, %.1f MB: generate %.2f s; read %.2f s = %,.0f lines/s; "
                        + "read+rules %.2f s = %,.0f lines/s; skip all %.2f s; heap used %d MB of max %d MB%n",
                lines, Files.size(file) / 1e6, sec(t1 - t0), sec(t2 - t1), lines / sec(t2 - t1),
                sec(t3 - t2), lines / sec(t3 - t2), sec(t5 - t4),
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
