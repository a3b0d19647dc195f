package org.kaowu.domain.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectedLinesCsvTest {

    private static final List<String> HEADER = List.of("准考证号", "身份证号", "姓名", "科目", "成绩", "状态", "备注");

    @TempDir
    Path dir;

    private static String write(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RejectedLinesCsv csv = new RejectedLinesCsv(bytes, HEADER)) {
            long n = 2;
            for (List<String> row : rows) {
                csv.write(n++, row, "成绩不能是公式或以=、+、-、@开头的文本");
            }
        }
        byte[] out = bytes.toByteArray();
        assertEquals(0xEF, out[0] & 0xFF, "UTF-8 BOM so Excel reads the Chinese");
        assertEquals(0xBB, out[1] & 0xFF);
        assertEquals(0xBF, out[2] & 0xFF);
        return new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void headerIsTheFilesColumnsThenLineNumberAndReason() {
        String text = write(List.of());
        assertEquals("准考证号,身份证号,姓名,科目,成绩,状态,备注,行号,原因\r\n", text);
    }

    @Test
    void injectionPayloadsAreNeutralised() {
        List<String> payloads = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
                "=HYPERLINK(\"http://evil\",\"点我\")");
        List<List<String>> rows = new ArrayList<>();
        for (String payload : payloads) {
            rows.add(List.of("202601010001", "11010519900307123X", payload, "综合知识", payload, "正常", payload));
        }
        String text = write(rows);
        String[] lines = text.split("\r\n(?=2026|$)");
        assertEquals(payloads.size() + 1, lines.length);
        assertEquals("202601010001,11010519900307123X,\"'=cmd|' /C calc'!A0\",综合知识,\"'=cmd|' /C calc'!A0\",正常,"
                + "\"'=cmd|' /C calc'!A0\",2,成绩不能是公式或以=、+、-、@开头的文本", lines[1]);
        assertTrue(lines[7].contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\""), lines[7]);
        // No field of any data line starts with a formula character once CSV quoting is undone.
        for (int i = 1; i < lines.length; i++) {
            for (String field : fields(lines[i])) {
                assertFalse(RejectedLinesCsv.isDangerous(field), () -> "dangerous field survived: " + field);
            }
        }
    }

    @Test
    void headerCellsAreNeutralisedToo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RejectedLinesCsv csv = new RejectedLinesCsv(bytes, List.of("准考证号", "=1+1"))) {
            csv.write(2, List.of("1"), "x");
        }
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF准考证号,\"'=1+1\",行号,原因\r\n"), text);
        assertTrue(text.endsWith("1,,2,x\r\n"), "short lines are padded so 行号 stays in its column");
    }

    @Test
    void ordinaryCellsStayUnquoted() {
        String text = write(List.of(List.of("202601010001", "11010519900307123X", "张三", "综合知识", "85.5", "正常", "含,逗号")));
        assertTrue(text.contains("\r\n202601010001,11010519900307123X,张三,综合知识,85.5,正常,\"含,逗号\",2,"), text);
    }

    @Test
    void theFileCanBeFixedAndImportedAsIs() throws Exception {
        Path file = dir.resolve("rejected.csv");
        try (ScoreFileReader reader = ScoreFileReader.open(Files.writeString(dir.resolve("in.csv"),
                "准考证号,身份证号,姓名,科目,成绩,状态\n202601010001,11010519900307123X,张三,综合知识,-5,正常\n"));
             RejectedLinesCsv csv = new RejectedLinesCsv(Files.newOutputStream(file), reader.header())) {
            ScoreLine line = reader.next();
            csv.write(line, (Rejection) new ScoreLineRules(ScoreFiles.lookup()).validate(line));
        }
        try (ScoreFileReader again = ScoreFileReader.open(file)) {
            ScoreLine line = again.next();
            assertEquals("'-5", line.score(), "the operator replaces the apostrophe-prefixed value when fixing");
            assertEquals(List.of("准考证号", "身份证号", "姓名", "科目", "成绩", "状态", "行号", "原因"), again.header());
        }
    }

    /** Minimal RFC 4180 split of one record, for checking the written cells. */
    private static List<String> fields(String record) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
