package org.kaowu.domain.audit;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * 操作日志 — one staff action: who, when, what, on which record, the state before and after. Immutable: every
 * column is insert-only and there are no setters, so no code path can edit history.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int STATE_LENGTH = 4000;
    public static final int SUMMARY_LENGTH = 300;

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private LocalDateTime at;

    @Column(nullable = false, updatable = false, length = 50)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private AuditAction action;

    @Column(name = "target_type", nullable = false, updatable = false, length = 30)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = 40)
    private String targetId;

    @Column(updatable = false, length = SUMMARY_LENGTH)
    private String summary;

    @Column(name = "before_state", updatable = false, length = STATE_LENGTH)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = STATE_LENGTH)
    private String afterState;

    protected AuditEntry() {
        // JPA
    }

    public AuditEntry(LocalDateTime at, String actor, AuditAction action, String targetType, Object targetId,
                      String summary, String beforeState, String afterState) {
        this.at = at;
        this.actor = clip(actor, 50);
        this.action = action;
        this.targetType = clip(targetType, 30);
        this.targetId = targetId == null ? null : clip(String.valueOf(targetId), 40);
        this.summary = clip(summary, SUMMARY_LENGTH);
        this.beforeState = clip(beforeState, STATE_LENGTH);
        this.afterState = clip(afterState, STATE_LENGTH);
    }

    /** States are descriptions for people; a cut one ends in an ellipsis rather than failing the action. */
    private static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public LocalDateTime getAt() { return at; }
    public String getActor() { return actor; }
    public AuditAction getAction() { return action; }
    public String getTargetType() { return targetType; }
    public String getTargetId() { return targetId; }
    public String getSummary() { return summary; }
    public String getBeforeState() { return beforeState; }
    public String getAfterState() { return afterState; }
}
