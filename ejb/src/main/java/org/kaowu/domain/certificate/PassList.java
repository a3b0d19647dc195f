package org.kaowu.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 合格名单 — whether a batch's pass list is public, who published or withdrew it and when, and the batch's own
 * certificate-number pattern if it has one. One row per batch once anybody publishes or sets a rule.
 */
@Entity
@Table(name = "pass_list")
public class PassList implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int RULE_LENGTH = 60;

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

    @Column(name = "number_rule", length = RULE_LENGTH)
    private String numberRule;

    @Version
    private int version;

    protected PassList() {
        // JPA
    }

    public PassList(Long batchId) {
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

    public void setNumberRule(String numberRule) {
        this.numberRule = numberRule;
    }

    public Long getBatchId() { return batchId; }
    public boolean isPublished() { return published; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
    public LocalDateTime getWithdrawnAt() { return withdrawnAt; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public String getNumberRule() { return numberRule; }
    public int getVersion() { return version; }
}
