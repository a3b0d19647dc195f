package org.kaowu.domain.score;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * 成绩文件读取 — reads a score file (CSV in UTF-8 with or without BOM, CSV in GBK, XLSX) as a stream of
 * {@link ScoreLine}s, one in memory at a time. The format is taken from the content, not the name: a zip
 * (PK) is XLSX, an OLE2 file (old .xls, encrypted .xlsx) or anything with NUL bytes is refused, the rest is
 * CSV whose charset {@link CsvRecordSource#detect} picks.
 * <p>
 * {@link #open} reads the header and the first data line, so every file-level problem (empty, unknown
 * format, missing columns) surfaces there as a {@link ScoreFileException} before any line is imported.
 * Blank lines are skipped but keep their number, so line numbers are the row numbers Excel shows.
 * <p>
 * Restart: {@link #skipThrough(long)} with the last committed line number; skipped records are scanned but
 * no cells are built. Not thread-safe; close it.
 */
public final class ScoreFileReader implements Iterator<ScoreLine>, Closeable {

    private final RecordSource source;
    private final ScoreFileFormat format;
    private final List<String> header;
    private final Map<ScoreColumn, Integer> columns;
    private ScoreLine pending;
    private boolean finished;
    private long lastLineNumber;

    private ScoreFileReader(RecordSource source, ScoreFileFormat format) throws IOException {
        this.source = source;
        this.format = format;
        RawRecord first = nextNonBlank();
        if (first == null) {
            throw new ScoreFileException("score.file.empty");
        }
        this.header = List.copyOf(first.cells());
        this.columns = matchColumns(header);
        if (!hasNext()) {
            throw new ScoreFileException("score.file.noLines");
        }
    }

    /**
     * Opens {@code file}, sniffs its format, reads and checks the header.
     *
     * @throws ScoreFileException for a file that cannot be imported at all; the reader is then closed
     */
    public static ScoreFileReader open(Path file) {
        RecordSource source = null;
        try {
            InputStream in = Files.newInputStream(file);
            byte[] sample = new byte[CsvRecordSource.SAMPLE_BYTES];
            int length = in.readNBytes(sample, 0, sample.length);
            ScoreFileFormat format;
            if (length == 0) {
                in.close();
                throw new ScoreFileException("score.file.empty");
            } else if (startsWith(sample, length, 0x50, 0x4B, 0x03, 0x04)) {
                in.close();
                format = ScoreFileFormat.XLSX;
                source = XlsxRecordSource.open(file);
            } else if (startsWith(sample, length, 0xD0, 0xCF, 0x11, 0xE0) || looksBinary(sample, length)) {
                in.close();
                throw new ScoreFileException("score.file.unsupportedFormat");
            } else {
                CsvRecordSource.Detected detected = CsvRecordSource.detect(sample, length);
                format = detected.charset().equals(StandardCharsets.UTF_8) ? ScoreFileFormat.CSV_UTF8 : ScoreFileFormat.CSV_GBK;
                source = CsvRecordSource.open(in, detected, sample, length);
            }
            return new ScoreFileReader(source, format);
        } catch (IOException e) {
            closeQuietly(source);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    /** Also starts after {@code lastCommittedLine} — the usual call of a restarted batch reader. */
    public static ScoreFileReader open(Path file, long lastCommittedLine) {
        ScoreFileReader reader = open(file);
        try {
            reader.skipThrough(lastCommittedLine);
            return reader;
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    public ScoreFileFormat format() {
        return format;
    }

    /** The header row as in the file (every column, in order): the columns of the rejected-lines file. */
    public List<String> header() {
        return header;
    }

    /** Line number of the last line {@link #next()} returned (or skipped to): the value to checkpoint. */
    public long lastLineNumber() {
        return lastLineNumber;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            try {
                RawRecord record = nextNonBlank();
                if (record == null) {
                    finished = true;
                } else {
                    pending = toLine(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pending != null;
    }

    @Override
    public ScoreLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ScoreLine line = pending;
        pending = null;
        lastLineNumber = line.lineNumber();
        return line;
    }

    /** Null-returning variant for batch readers ({@code readItem()} returns null at the end). */
    public ScoreLine nextOrNull() {
        return hasNext() ? next() : null;
    }

    /**
     * Positions the reader after line {@code lineNumber}: the next line returned has a larger number. Lines
     * already returned are not replayed; a number at or before the current position changes nothing.
     */
    public void skipThrough(long lineNumber) {
        if (lineNumber <= lastLineNumber) {
            return;
        }
        if (pending != null && pending.lineNumber() <= lineNumber) {
            pending = null;
        }
        if (pending == null) {
            try {
                source.skipThrough(lineNumber);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lastLineNumber = lineNumber;
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RawRecord nextNonBlank() throws IOException {
        RawRecord record;
        do {
            record = source.next();
        } while (record != null && record.isBlank());
        return record;
    }

    private static Map<ScoreColumn, Integer> matchColumns(List<String> header) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.computeIfAbsent(Text.headerKey(header.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<ScoreColumn, Integer> columns = new EnumMap<>(ScoreColumn.class);
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (ScoreColumn column : ScoreColumn.values()) {
            for (String name : column.names()) {
                List<Integer> found = positions.get(name);
                if (found != null) {
                    if (found.size() > 1) {
                        duplicated.add(name);
                    }
                    columns.put(column, found.get(0));
                    break;   // the preferred name wins: 科目 over 岗位 when both are there
                }
            }
            if (!columns.containsKey(column)) {
                missing.add(column.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new ScoreFileException("score.file.missingColumns", String.join("、", missing),
                    String.join("、", header));
        }
        if (!duplicated.isEmpty()) {
            throw new ScoreFileException("score.file.duplicateColumns", String.join("、", duplicated));
        }
        return columns;
    }

    private ScoreLine toLine(RawRecord record) {
        String[] values = new String[ScoreColumn.values().length];
        Rejection problem = null;
        for (ScoreColumn column : ScoreColumn.values()) {
            int index = columns.get(column);
            String value = index < record.cells().size() ? record.cells().get(index) : "";
            values[column.ordinal()] = value;
            if (problem == null) {
                problem = problemOf(record, column, index, value);
            }
        }
        return new ScoreLine(record.lineNumber(), values[0], values[1], values[2], values[3], values[4], values[5],
                record.cells(), record.raw(), problem);
    }

    private static Rejection problemOf(RawRecord record, ScoreColumn column, int index, String value) {
        long line = record.lineNumber();
        RawRecord.CellIssue issue = record.issue(index);
        if (issue == RawRecord.CellIssue.FORMULA_WITHOUT_VALUE) {
            return new Rejection(line, "score.line.formulaWithoutValue",
                    column.label() + "是公式且没有计算结果，请粘贴为数值后重新导入");
        }
        if (issue == RawRecord.CellIssue.ERROR_VALUE) {
            return new Rejection(line, "score.line.cellError", column.label() + "单元格是错误值：" + value);
        }
        if (issue == RawRecord.CellIssue.DATE && column == ScoreColumn.SCORE) {
            return new Rejection(line, "score.line.dateScore", "成绩单元格是日期格式：" + value);
        }
        if (value.indexOf('\uFFFD') >= 0) {
            return new Rejection(line, "score.line.encoding", column.label() + "含有无法识别的字符（文件编码不一致）");
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL or other C0 controls (except tab, CR, LF, FF): a PDF, image or UTF-16 file, not CSV text. */
    private static boolean looksBinary(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                // already failing: the first error is the one worth reporting
            }
        }
    }
}
