package org.kaowu.domain.score;

import org.kaowu.exception.BusinessException;

import java.io.Serializable;

/**
 * 成绩文件错误 — the whole file is unusable (empty, not CSV/XLSX, required columns missing, a runaway quoted
 * field). Nothing of such a file may be imported, so the job fails with this key instead of rejecting lines.
 * Keys: {@code score.file.empty}, {@code score.file.noLines}, {@code score.file.unsupportedFormat},
 * {@code score.file.missingColumns} (argument: the missing names, comma-separated),
 * {@code score.file.duplicateColumns} (argument: the names), {@code score.file.recordTooLong} (argument: line),
 * {@code score.file.unreadable}.
 */
public class ScoreFileException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ScoreFileException(String messageKey, Serializable... arguments) {
        super(messageKey, arguments);
    }

    public ScoreFileException withCause(Throwable cause) {
        initCause(cause);
        return this;
    }
}
