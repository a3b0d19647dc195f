package org.kaowu.domain.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/**
 * 拒收行 as stored: the line's cells exactly as read (for the rejected-lines file), its number and the reason.
 * Written by the import in the same transaction as the chunk's scores and checkpoint.
 */
@Entity
@Table(name = "score_rejection")
public class ScoreRejection {

    public static final int CELLS_LENGTH = 4000;
    public static final int REASON_LENGTH = 300;
    /** Cells are joined by the ASCII unit separator, which no score file needs. */
    private static final char SEPARATOR = '\u001F';

    @Id
    @SequenceGenerator(name = "score_rejection_seq", sequenceName = "score_rejection_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_rejection_seq")
    private Long id;

    @Column(name = "import_id", nullable = false)
    private Long importId;

    @Column(name = "line_no", nullable = false)
    private long lineNo;

    @Column(name = "reason_code", nullable = false, length = 60)
    private String reasonCode;

    @Column(name = "reason_text", nullable = false, length = REASON_LENGTH)
    private String reasonText;

    @Column(nullable = false, length = CELLS_LENGTH)
    private String cells;

    protected ScoreRejection() {
        // JPA
    }

    public ScoreRejection(Long importId, long lineNo, String reasonCode, String reasonText, List<String> cells) {
        this.importId = importId;
        this.lineNo = lineNo;
        this.reasonCode = cut(reasonCode, 60);
        this.reasonText = cut(reasonText, REASON_LENGTH);
        this.cells = join(cells);
    }

    /** The cells joined (a separator inside a cell becomes a space), cut to the column's length. */
    public static String join(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            out.append(cell.replace(SEPARATOR, ' '));
        }
        return cut(out.toString(), CELLS_LENGTH);
    }

    public static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Long getImportId() { return importId; }
    public long getLineNo() { return lineNo; }
    public String getReasonCode() { return reasonCode; }
    public String getReasonText() { return reasonText; }
    public List<String> getCells() { return split(cells); }
}
