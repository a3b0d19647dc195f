package org.kaowu.domain.certificate;

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
 * 证书编号运行 — one run of the numbering job for a batch: the rule it numbers by (fixed at the start, so a
 * restart numbers by the same rule), how many passers were without a number then, and how many it has numbered
 * (added in each chunk's transaction).
 */
@Entity
@Table(name = "certificate_run")
public class CertificateRun implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "certificate_run_seq", sequenceName = "certificate_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_run_seq")
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "number_rule", nullable = false, length = PassList.RULE_LENGTH)
    private String numberRule;

    @Column(length = 2)
    private String province;

    @Column(name = "to_number", nullable = false)
    private long toNumber;

    @Column(nullable = false)
    private long numbered;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "started_by", nullable = false, length = 50)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Column(name = "error_key", length = 100)
    private String errorKey;

    protected CertificateRun() {
        // JPA
    }

    public CertificateRun(Long batchId, CertificateNumberRule rule, long toNumber, String startedBy,
                          LocalDateTime startedAt) {
        this.batchId = batchId;
        this.numberRule = rule.pattern();
        this.province = rule.provinceCode();
        this.toNumber = toNumber;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
    }

    /** The rule as it was when the run started. */
    public CertificateNumberRule rule() {
        return CertificateNumberRule.of(numberRule, province);
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public String getNumberRule() { return numberRule; }
    public String getProvince() { return province; }
    public long getToNumber() { return toNumber; }
    public long getNumbered() { return numbered; }
    public Long getExecutionId() { return executionId; }
    public String getStartedBy() { return startedBy; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public String getErrorKey() { return errorKey; }
}
