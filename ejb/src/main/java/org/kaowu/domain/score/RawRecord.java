package org.kaowu.domain.score;

import java.util.List;

/**
 * One record as a source produced it, before header mapping. {@code issues} is null when no cell has a
 * problem (the usual case, so CSV never allocates it), otherwise indexed like {@code cells}.
 */
record RawRecord(long lineNumber, List<String> cells, String raw, CellIssue[] issues) {

    /** Problems a reader can see in a cell that the text alone would hide. */
    enum CellIssue {
        FORMULA_WITHOUT_VALUE, ERROR_VALUE, DATE
    }

    CellIssue issue(int index) {
        return issues == null || index >= issues.length ? null : issues[index];
    }

    boolean isBlank() {
        for (String cell : cells) {
            if (!Text.isBlank(cell)) {
                return false;
            }
        }
        return true;
    }
}
