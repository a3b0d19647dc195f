package org.kaowu.domain.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDateTime;

/**
 * A batch's admission-ticket set-up: its own ticket-number rule (null: the configured default) and whether
 * the tickets are published (发布准考证). Publishing is one-way: from then on candidates in the print window
 * can print, and allocation may only add late approvals, never start again from scratch.
 */
@Entity
@Table(name = "ticket_setup")
public class TicketSetup {

    public static final int RULE_LENGTH = 60;

    @Id
    @Column(name = "batch_id")
    private Long batchId;

    @Column(name = "number_rule", length = RULE_LENGTH)
    private String numberRule;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "published_by", length = 50)
    private String publishedBy;

    @Version
    private int version;

    protected TicketSetup() {
        // JPA
    }

    public TicketSetup(Long batchId) {
        this.batchId = batchId;
    }

    public void publish(String by, LocalDateTime at) {
        this.publishedAt = at;
        this.publishedBy = by;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public Long getBatchId() { return batchId; }
    public String getNumberRule() { return numberRule; }
    public void setNumberRule(String numberRule) { this.numberRule = numberRule; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
    public int getVersion() { return version; }
}
