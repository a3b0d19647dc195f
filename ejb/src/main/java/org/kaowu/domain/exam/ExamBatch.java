package org.kaowu.domain.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashSet;
import java.util.Set;

/** 考试批次 — one sitting of the exam: its windows, the sites taking part and the positions offered. */
@Entity
@Table(name = "exam_batch")
public class ExamBatch {

    public static final int CODE_LENGTH = 20;
    public static final int NAME_LENGTH = 100;

    @Id
    @SequenceGenerator(name = "exam_batch_seq", sequenceName = "exam_batch_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exam_batch_seq")
    private Long id;

    @NotBlank
    @Size(max = CODE_LENGTH)
    @Pattern(regexp = "[0-9A-Z]+")
    @Column(nullable = false, unique = true, length = CODE_LENGTH)
    private String code;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private BatchStatus status = BatchStatus.DRAFT;

    @Valid
    @NotNull
    @Embedded
    private BatchSchedule schedule;

    @ManyToMany
    @JoinTable(name = "batch_position",
            joinColumns = @JoinColumn(name = "batch_id"),
            inverseJoinColumns = @JoinColumn(name = "position_id"))
    @OrderBy("code")
    private Set<Position> positions = new LinkedHashSet<>();

    @Version
    private int version;

    protected ExamBatch() {
        // JPA
    }

    public ExamBatch(String code, String name, BatchSchedule schedule) {
        this.code = code;
        this.name = name;
        this.schedule = schedule;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BatchStatus getStatus() { return status; }
    public void setStatus(BatchStatus status) { this.status = status; }
    public BatchSchedule getSchedule() { return schedule; }
    public void setSchedule(BatchSchedule schedule) { this.schedule = schedule; }
    public Set<Position> getPositions() { return positions; }
    public int getVersion() { return version; }
}
