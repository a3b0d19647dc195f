package org.kaowu.domain.score;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 成绩发布 — whether a batch's scores are visible to candidates. One row per batch once anybody publishes;
 * withdrawing keeps the row and says who withdrew when.
 */
@Entity
@Table(name = "score_publication")
public class ScorePublication implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "batch_id")
    private Long batchId;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "published_by", length = 50)
    private String publishedBy;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    @Column(name = "withdrawn_by", length = 50)
    private String withdrawnBy;

    @Version
    private int version;

    protected ScorePublication() {
        // JPA
    }

    public ScorePublication(Long batchId) {
        this.batchId = batchId;
    }

    public void publish(String by, LocalDateTime at) {
        published = true;
        publishedBy = by;
        publishedAt = at;
    }

    public void withdraw(String by, LocalDateTime at) {
        published = false;
        withdrawnBy = by;
        withdrawnAt = at;
    }

    public Long getBatchId() { return batchId; }
    public boolean isPublished() { return published; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
    public LocalDateTime getWithdrawnAt() { return withdrawnAt; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public int getVersion() { return version; }
}
