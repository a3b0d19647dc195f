package org.kaowu.domain.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 成绩导入 — one uploaded score file of a batch and what its import did so far. The job's figures (lines read,
 * inserted, updated, unchanged, rejected, last line) are changed only by bulk updates in the same transaction
 * as each chunk of scores, so they are exact after a stop, a restart or a crash. No version column: nobody
 * edits a run, and the figures never go through this entity.
 */
@Entity
@Table(name = "score_import")
public class ScoreImport implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int FILE_NAME_LENGTH = 255;
    /** Where the file came from. */
    public static final String UPLOAD = "UPLOAD";
    public static final String SEED = "SEED";

    @Id
    @SequenceGenerator(name = "score_import_seq", sequenceName = "score_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_import_seq")
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "file_name", nullable = false, length = FILE_NAME_LENGTH)
    private String fileName;

    @Column(name = "stored_file", nullable = false, length = 1000)
    private String storedFile;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(nullable = false, length = 10)
    private String source;

    @Column(name = "uploaded_by", nullable = false, length = 50)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "started_by", length = 50)
    private String startedBy;

    @Column(name = "started_at")
    private LocalDateTime startedAt;

    @Column(name = "file_format", length = 10)
    private String fileFormat;

    @Column(length = 4000)
    private String header;

    @Column(name = "total_lines")
    private Long totalLines;

    @Column(name = "last_line", nullable = false)
    private long lastLine;

    @Column(name = "lines_read", nullable = false)
    private long linesRead;

    @Column(nullable = false)
    private long inserted;

    @Column(nullable = false)
    private long updated;

    @Column(nullable = false)
    private long unchanged;

    @Column(nullable = false)
    private long rejected;

    @Column(name = "error_key", length = 100)
    private String errorKey;

    @Column(name = "error_args", length = 1000)
    private String errorArgs;

    protected ScoreImport() {
        // JPA
    }

    public ScoreImport(Long batchId, String fileName, String storedFile, long fileSize, String source,
                       String uploadedBy, LocalDateTime uploadedAt) {
        this.batchId = batchId;
        this.fileName = fileName;
        this.storedFile = storedFile;
        this.fileSize = fileSize;
        this.source = source;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public String getFileName() { return fileName; }
    public String getStoredFile() { return storedFile; }
    public long getFileSize() { return fileSize; }
    public String getSource() { return source; }
    public String getUploadedBy() { return uploadedBy; }
    public LocalDateTime getUploadedAt() { return uploadedAt; }
    public Long getExecutionId() { return executionId; }
    public String getStartedBy() { return startedBy; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public String getFileFormat() { return fileFormat; }
    public String getHeader() { return header; }
    public Long getTotalLines() { return totalLines; }
    public long getLastLine() { return lastLine; }
    public long getLinesRead() { return linesRead; }
    public long getInserted() { return inserted; }
    public long getUpdated() { return updated; }
    public long getUnchanged() { return unchanged; }
    public long getRejected() { return rejected; }
    public String getErrorKey() { return errorKey; }
    public String getErrorArgs() { return errorArgs; }
    /** Lines taken into the scores: new, changed and already equal ones. */
    public long getImported() { return inserted + updated + unchanged; }
}
