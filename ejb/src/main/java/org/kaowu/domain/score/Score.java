package org.kaowu.domain.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 成绩 — one subject (position) of one admission ticket: score (one decimal, only with status 正常), status and
 * 合格/不合格. Written in bulk by the score import, so the foreign keys are plain id columns. At most one per
 * (ticket, position): the import updates it in place when a corrected file brings another value.
 */
@Entity
@Table(name = "score")
public class Score {

    @Id
    @SequenceGenerator(name = "score_seq", sequenceName = "score_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "score_seq")
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Column(name = "position_id", nullable = false)
    private Long positionId;

    @Column(precision = 4, scale = 1)
    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ScoreStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    private PassVerdict verdict;

    @Column(name = "import_id")
    private Long importId;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected Score() {
        // JPA
    }

    public Score(Long batchId, Long ticketId, Long positionId) {
        this.batchId = batchId;
        this.ticketId = ticketId;
        this.positionId = positionId;
    }

    /** True when score, status or verdict differ from what is stored (a score of 85 equals 85.0). */
    public boolean differsFrom(BigDecimal newScore, ScoreStatus newStatus, PassVerdict newVerdict) {
        boolean sameScore = score == null ? newScore == null : newScore != null && score.compareTo(newScore) == 0;
        return !sameScore || status != newStatus || verdict != newVerdict;
    }

    public void set(BigDecimal newScore, ScoreStatus newStatus, PassVerdict newVerdict, Long byImport, LocalDateTime at) {
        this.score = newScore;
        this.status = Objects.requireNonNull(newStatus);
        this.verdict = Objects.requireNonNull(newVerdict);
        this.importId = byImport;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Long getTicketId() { return ticketId; }
    public Long getPositionId() { return positionId; }
    public BigDecimal getScore() { return score; }
    public ScoreStatus getStatus() { return status; }
    public PassVerdict getVerdict() { return verdict; }
    public Long getImportId() { return importId; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
}
