package org.kaowu.domain.score;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 拒收行文件 — the rejected lines written back as CSV for the operator to fix and re-import: the file's own
 * columns first, then 行号 and 原因 at the end (so the corrected file imports as is: extra columns are
 * ignored). UTF-8 with BOM, CRLF, because Excel opens a BOM-less UTF-8 CSV as GBK and garbles the Chinese.
 * <p>
 * CSV injection: a cell starting with =, +, -, @, tab or CR is written as {@code "'…"} (quoted, apostrophe
 * first) so a spreadsheet shows it as text and never evaluates {@code =cmd|' /C calc'!A0}. Negative numbers
 * get the apostrophe too; that is the accepted price (OWASP). Streams: rows go straight to the output.
 */
public final class RejectedLinesCsv implements Closeable {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    public static final String LINE_NUMBER_COLUMN = "行号";
    public static final String REASON_COLUMN = "原因";

    private final Writer out;
    private final int columns;
    private final StringBuilder row = new StringBuilder(256);

    /** Writes the BOM and the header ({@code header} + 行号 + 原因). */
    public RejectedLinesCsv(OutputStream out, List<String> header) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.columns = header.size();
        List<String> all = new ArrayList<>(header);
        all.add(LINE_NUMBER_COLUMN);
        all.add(REASON_COLUMN);
        try {
            this.out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeRow(all);
    }

    public void write(ScoreLine line, Rejection rejection) {
        write(line.lineNumber(), line.cells(), rejection.reasonText());
    }

    /**
     * One rejected line. {@code cells} are padded or cut to the header's width so 行号 and 原因 stay in their
     * columns (cells beyond the header have no name and are not imported anyway).
     */
    public void write(long lineNumber, List<String> cells, String reason) {
        List<String> all = new ArrayList<>(columns + 2);
        for (int i = 0; i < columns; i++) {
            all.add(i < cells.size() ? cells.get(i) : "");
        }
        all.add(Long.toString(lineNumber));
        all.add(reason);
        writeRow(all);
    }

    private void writeRow(List<String> cells) {
        row.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (isDangerous(cell)) {
                Csv.append(row, "'" + cell, true);
            } else {
                Csv.append(row, cell, false);
            }
        }
        row.append("\r\n");
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for text a spreadsheet would take as a formula (or a DDE call) when the file is opened. */
    public static boolean isDangerous(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
