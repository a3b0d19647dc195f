package org.kaowu.domain.score;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreFileReaderTest {

    static final String HEADER = "准考证号,身份证号,姓名,科目,成绩,状态";
    static final String LINE_1 = "202601010001,11010519900307123X,张三,综合知识,85.5,正常";
    static final String LINE_2 = "202601010002,110105199003071234,李四,综合知识,,缺考";

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset, boolean bom) throws IOException {
        Path file = dir.resolve(name);
        byte[] body = text.getBytes(charset);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(body);
        }
        return file;
    }

    private static List<ScoreLine> readAll(Path file) {
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            List<ScoreLine> lines = new ArrayList<>();
            reader.forEachRemaining(lines::add);
            return lines;
        }
    }

    private void assertTwoLines(Path file, ScoreFileFormat format) {
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            assertEquals(format, reader.format());
            assertEquals(List.of("准考证号", "身份证号", "姓名", "科目", "成绩", "状态"), reader.header());
            ScoreLine first = reader.next();
            assertEquals(2, first.lineNumber());
            assertEquals("202601010001", first.ticketNo());
            assertEquals("11010519900307123X", first.idNumber());
            assertEquals("张三", first.name());
            assertEquals("综合知识", first.subject());
            assertEquals("85.5", first.score());
            assertEquals("正常", first.status());
            assertNull(first.readProblem());
            ScoreLine second = reader.next();
            assertEquals(3, second.lineNumber());
            assertEquals("", second.score());
            assertEquals("缺考", second.status());
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void readsUtf8WithBom() throws IOException {
        Path file = write("bom.csv", HEADER + "\r\n" + LINE_1 + "\r\n" + LINE_2 + "\r\n", StandardCharsets.UTF_8, true);
        assertTwoLines(file, ScoreFileFormat.CSV_UTF8);
    }

    @Test
    void readsUtf8WithoutBom() throws IOException {
        Path file = write("plain.csv", HEADER + "\n" + LINE_1 + "\n" + LINE_2, StandardCharsets.UTF_8, false);
        assertTwoLines(file, ScoreFileFormat.CSV_UTF8);
    }

    @Test
    void readsGbkAsSavedByChineseExcel() throws IOException {
        Path file = write("gbk.csv", HEADER + "\r\n" + LINE_1 + "\r\n" + LINE_2 + "\r\n", Charset.forName("GBK"), false);
        assertTwoLines(file, ScoreFileFormat.CSV_GBK);
    }

    @Test
    void detectionTreatsACutMultiByteSequenceAtTheSampleEndAsUtf8() {
        byte[] utf8 = "准考证号".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvRecordSource.detect(utf8, utf8.length - 1).charset());
        byte[] gbk = "准考证号".getBytes(Charset.forName("GBK"));
        assertEquals(CsvRecordSource.GBK, CsvRecordSource.detect(gbk, gbk.length).charset());
    }

    @Test
    void invalidBytesLaterInTheFileRejectThatLineOnly() throws IOException {
        Path file = dir.resolve("mixed.csv");
        byte[] head = (HEADER + "\n" + LINE_1 + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] gbkLine = "202601010003,110105199003071234,王五,综合知识,70,正常\n".getBytes(Charset.forName("GBK"));
        // Pad so the GBK bytes fall outside the detection sample.
        byte[] padding = ("202601019999,110105199003071234,赵六,综合知识,60,正常\n").repeat(2000)
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            out.write(padding);
            out.write(gbkLine);
        }
        List<ScoreLine> lines = readAll(file);
        ScoreLine last = lines.get(lines.size() - 1);
        assertEquals("score.line.encoding", last.readProblem().reasonCode());
        assertNull(lines.get(0).readProblem());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndNewlines() throws IOException {
        String text = HEADER + ",备注\n"
                + "202601010001,11010519900307123X,\"张,三\",综合知识,85,正常,\"第一行\n第二行 \"\"引号\"\"\"\n"
                + LINE_2 + "\n";
        List<ScoreLine> lines = readAll(write("quoted.csv", text, StandardCharsets.UTF_8, false));
        assertEquals(2, lines.size());
        assertEquals("张,三", lines.get(0).name());
        assertEquals("第一行\n第二行 \"引号\"", lines.get(0).cells().get(6));
        assertEquals(2, lines.get(0).lineNumber());
        assertEquals(3, lines.get(1).lineNumber(), "a record spanning two physical lines is one row");
        assertTrue(lines.get(0).raw().startsWith("202601010001,11010519900307123X,\"张,三\""));
    }

    @Test
    void blankLinesAreSkippedButKeepTheirNumber() throws IOException {
        String text = "\n" + HEADER + "\n,,,,,\n" + LINE_1 + "\n\n   \n" + LINE_2 + "\n\n";
        List<ScoreLine> lines = readAll(write("blank.csv", text, StandardCharsets.UTF_8, false));
        assertEquals(2, lines.size());
        assertEquals(4, lines.get(0).lineNumber());
        assertEquals(7, lines.get(1).lineNumber());
    }

    @Test
    void extraColumnsAreIgnoredAndColumnOrderIsFree() throws IOException {
        String text = "序号, 成绩 ,状态,姓名,备注,准考证号,岗位代码,身份证号\n"
                + "1,90,正常,张三,x,202601010001,A01,11010519900307123X\n";
        List<ScoreLine> lines = readAll(write("extra.csv", text, StandardCharsets.UTF_8, false));
        ScoreLine line = lines.get(0);
        assertEquals("90", line.score());
        assertEquals("A01", line.subject(), "岗位代码 is accepted as the subject");
        assertEquals("202601010001", line.ticketNo());
        assertEquals(8, line.cells().size());
    }

    @Test
    void missingOrRenamedColumnsFailTheFileNamingThem() throws IOException {
        String text = "准考证号,身份证,姓名,科目,分数,状态\n" + LINE_1 + "\n";
        Path file = write("renamed.csv", text, StandardCharsets.UTF_8, false);
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(file));
        assertEquals("score.file.missingColumns", e.getMessageKey());
        assertEquals("身份证号、成绩", e.getArguments()[0]);
    }

    @Test
    void aColumnTwiceFailsTheFile() throws IOException {
        Path file = write("twice.csv", HEADER + ",成绩\n" + LINE_1 + ",1\n", StandardCharsets.UTF_8, false);
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(file));
        assertEquals("score.file.duplicateColumns", e.getMessageKey());
    }

    @Test
    void emptyFilesFail() throws IOException {
        for (String text : new String[] {"", "\n\n", "\uFEFF", " , ,\r\n"}) {
            Path file = write("empty.csv", text, StandardCharsets.UTF_8, false);
            ScoreFileException e = assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(file), text);
            assertEquals("score.file.empty", e.getMessageKey());
        }
        Path headerOnly = write("header.csv", HEADER + "\n\n", StandardCharsets.UTF_8, true);
        assertEquals("score.file.noLines",
                assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(headerOnly)).getMessageKey());
    }

    @Test
    void filesThatAreNeitherCsvNorXlsxFail() throws IOException {
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        Path png = dir.resolve("photo.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        Path zip = dir.resolve("other.xlsx");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        for (Path file : List.of(xls, png, zip)) {
            ScoreFileException e = assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(file), file.toString());
            assertEquals("score.file.unsupportedFormat", e.getMessageKey());
        }
    }

    @Test
    void anUnclosedQuoteFailsTheFileInsteadOfSwallowingIt() throws IOException {
        String text = HEADER + "\n" + LINE_1 + "\n202601010002,\"oops\n" + (LINE_2 + "\n").repeat(2000);
        Path file = write("runaway.csv", text, StandardCharsets.UTF_8, false);
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> readAll(file));
        assertEquals("score.file.recordTooLong", e.getMessageKey());
        assertEquals(3L, e.getArguments()[0]);
    }

    @Test
    void restartSkipsThroughTheCheckpointedLine() throws IOException {
        StringBuilder text = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 10; i++) {
            text.append("2026010100").append(String.format("%02d", i)).append(",11010519900307123X,张三,综合知识,")
                    .append(i).append(",正常\n");
            if (i == 4) {
                text.append("\n");   // blank line 7: numbers stay the file's row numbers
            }
        }
        Path file = write("restart.csv", text.toString(), StandardCharsets.UTF_8, true);
        try (ScoreFileReader reader = ScoreFileReader.open(file, 7)) {
            ScoreLine next = reader.next();
            assertEquals(8, next.lineNumber());
            assertEquals("5", next.score());
            int rest = 1;
            while (reader.hasNext()) {
                reader.next();
                rest++;
            }
            assertEquals(5, rest);
            assertEquals(12, reader.lastLineNumber());
        }
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            reader.next();
            reader.next();                 // lines 2, 3 read
            reader.skipThrough(2);         // behind the position: nothing happens
            assertEquals(4, reader.next().lineNumber());
            reader.skipThrough(100);       // past the end
            assertFalse(reader.hasNext());
        }
    }

    // --- XLSX -------------------------------------------------------------------------------------------

    private Path xlsx(String name, SheetWriter writer) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("成绩");
            Row header = sheet.createRow(0);
            String[] names = HEADER.split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            writer.write(wb, sheet);
            wb.write(out);
        }
        return file;
    }

    interface SheetWriter {
        void write(XSSFWorkbook wb, Sheet sheet);
    }

    private static Row line(Sheet sheet, int row, String ticket, String id, String name, String subject) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(ticket);
        r.createCell(1).setCellValue(id);
        r.createCell(2).setCellValue(name);
        r.createCell(3).setCellValue(subject);
        r.createCell(5).setCellValue("正常");
        return r;
    }

    @Test
    void readsXlsxWithNumbersStringsFormulasAndDates() throws IOException {
        Path file = xlsx("scores.xlsx", (wb, sheet) -> {
            line(sheet, 1, "202601010001", "11010519900307123X", "张三", "综合知识").createCell(4).setCellValue(85.5);
            line(sheet, 2, "202601010002", "110105199003071234", "李四", "综合知识").createCell(4).setCellFormula("40+45.1");
            Row noValue = line(sheet, 3, "202601010003", "110105199003071234", "王五", "综合知识");
            Row date = line(sheet, 4, "202601010004", "110105199003071234", "赵六", "综合知识");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            date.createCell(4).setCellValue(LocalDate.of(2026, 1, 5));
            date.getCell(4).setCellStyle(dateStyle);
            // row 6 left out: a gap in the sheet
            Row numericTicket = sheet.createRow(6);
            numericTicket.createCell(0).setCellValue(202601010005d);   // typed as a number in Excel
            numericTicket.createCell(4).setCellValue(90);
            Row error = line(sheet, 7, "202601010006", "110105199003071234", "钱七", "综合知识");
            error.createCell(4).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            noValue.createCell(4).setCellFormula("A1*2");   // set after evaluateAll: no cached value
        });
        try (ScoreFileReader reader = ScoreFileReader.open(file)) {
            assertEquals(ScoreFileFormat.XLSX, reader.format());
            assertEquals(List.of("准考证号", "身份证号", "姓名", "科目", "成绩", "状态"), reader.header());
            ScoreLine plain = reader.next();
            assertEquals(2, plain.lineNumber());
            assertEquals("85.5", plain.score());
            assertEquals("张三", plain.name());
            assertNull(plain.readProblem());
            ScoreLine formula = reader.next();
            assertEquals("85.1", formula.score(), "cached value, rounded to Excel's 15 digits");
            assertNull(formula.readProblem());
            ScoreLine noValue = reader.next();
            assertEquals("score.line.formulaWithoutValue", noValue.readProblem().reasonCode());
            ScoreLine date = reader.next();
            assertEquals("score.line.dateScore", date.readProblem().reasonCode());
            ScoreLine numeric = reader.next();
            assertEquals(7, numeric.lineNumber());
            assertEquals("202601010005", numeric.ticketNo());
            assertEquals("90", numeric.score());
            assertEquals("", numeric.status(), "missing cells read as empty");
            ScoreLine error = reader.next();
            assertEquals("score.line.cellError", error.readProblem().reasonCode());
            assertFalse(reader.hasNext());
        }
    }

    @Test
    void xlsxRestartAndMissingColumns() throws IOException {
        Path file = xlsx("restart.xlsx", (wb, sheet) -> {
            for (int i = 1; i <= 20; i++) {
                line(sheet, i, "2026010100" + String.format("%02d", i), "110105199003071234", "张三", "综合知识")
                        .createCell(4).setCellValue(i);
            }
        });
        try (ScoreFileReader reader = ScoreFileReader.open(file, 15)) {
            ScoreLine next = reader.next();
            assertEquals(16, next.lineNumber());
            assertEquals("15", next.score());
        }
        Path bad = dir.resolve("bad.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(bad)) {
            Row header = wb.createSheet().createRow(0);
            header.createCell(0).setCellValue("准考证号");
            header.createCell(1).setCellValue("分数");
            wb.write(out);
        }
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> ScoreFileReader.open(bad));
        assertEquals("score.file.missingColumns", e.getMessageKey());
        assertEquals("身份证号、姓名、科目、成绩、状态", e.getArguments()[0]);
    }

    @Test
    void columnIndexFromCellReference() {
        assertArrayEquals(new int[] {0, 25, 26, 27, 701},
                new int[] {XlsxRecordSource.columnIndex("A1"), XlsxRecordSource.columnIndex("Z9"),
                        XlsxRecordSource.columnIndex("AA1"), XlsxRecordSource.columnIndex("AB12"),
                        XlsxRecordSource.columnIndex("ZZ3")});
        assertEquals("85.1", XlsxRecordSource.plainNumber("85.099999999999994"));
        assertEquals("100", XlsxRecordSource.plainNumber("100.0"));
        assertEquals("0", XlsxRecordSource.plainNumber("0"));
    }
}
