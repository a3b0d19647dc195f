package org.kaowu.domain.score;

import org.kaowu.domain.candidate.IdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreTemplateTest {

    @TempDir
    Path dir;

    @Test
    void theTemplateIsAValidScoreFileWithOneExampleLine() throws Exception {
        byte[] bytes = ScoreTemplate.csv();
        assertEquals(0xEF, bytes[0] & 0xFF, "starts with the UTF-8 BOM");
        Path file = Files.write(dir.resolve(ScoreTemplate.FILE_NAME), bytes);
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            assertEquals(ScoreFileFormat.CSV_UTF8, reader.format());
            assertEquals(List.of("准考证号", "身份证号", "姓名", "科目", "成绩", "状态"), reader.header());
            ScoreLine example = reader.next();
            assertTrue(IdNumber.isValid(example.idNumber(), java.time.Clock.systemUTC()), "the example ID is well-formed");
            assertEquals("85.5", example.score());
            assertEquals("正常", example.status());
            assertFalse(reader.hasNext());
        }
    }
}
