package org.kaowu.domain.score;

import java.util.List;
import java.util.Optional;

/**
 * 成绩文件行 — one data line as read, before any rule ran. The six required fields are the cells under the
 * matched headers, untouched (the rules trim and normalise); {@code cells} holds every column in file order,
 * extra ones included, so a rejected line can be written back exactly as it came.
 *
 * @param lineNumber  1-based record number with the header as line 1 — the row number Excel shows
 * @param raw         the record's text (for XLSX: its cells re-joined as CSV), for logs and diagnostics
 * @param readProblem set when the reader already knows the line is bad (XLSX: formula without cached value,
 *                    error cell, date in the score column; CSV: bytes that are not valid in the file's
 *                    charset); the rules reject such a line first
 */
public record ScoreLine(long lineNumber, String ticketNo, String idNumber, String name, String subject,
                        String score, String status, List<String> cells, String raw, Rejection readProblem) {

    public ScoreLine {
        cells = List.copyOf(cells);
    }

    public String value(ScoreColumn column) {
        return switch (column) {
            case TICKET_NO -> ticketNo;
            case ID_NUMBER -> idNumber;
            case NAME -> name;
            case SUBJECT -> subject;
            case SCORE -> score;
            case STATUS -> status;
        };
    }

    public Optional<Rejection> problem() {
        return Optional.ofNullable(readProblem);
    }
}
