package org.kaowu.domain.exam;

import java.io.Serializable;
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
import org.kaowu.exception.BusinessException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** 考试批次 — one sitting of the exam: its windows, the sites taking part and the positions offered. */
@Entity
@Table(name = "exam_batch")
public class ExamBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int CODE_LENGTH = 20;
    public static final int NAME_LENGTH = 100;
    public static final int SESSIONS_LENGTH = 500;

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

    /** 考试场次: one session per line, e.g. "上午 09:00-11:30 综合知识"; printed on admission tickets. */
    @Size(max = SESSIONS_LENGTH)
    @Column(name = "exam_sessions", length = SESSIONS_LENGTH)
    private String examSessions;

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

    /**
     * 开放 / 关闭 / 归档: DRAFT → OPEN ⇄ CLOSED → ARCHIVED. Opening needs a consistent schedule (the service
     * also requires sites and positions); an archived batch never changes again.
     */
    public void moveTo(BatchStatus target) {
        boolean allowed = switch (target) {
            case OPEN -> status == BatchStatus.DRAFT || status == BatchStatus.CLOSED;
            case CLOSED -> status == BatchStatus.OPEN;
            case ARCHIVED -> status == BatchStatus.CLOSED;
            case DRAFT -> false;
        };
        if (!allowed) {
            throw new BusinessException("batch.transition", status.name(), target.name());
        }
        if (target == BatchStatus.OPEN && !schedule.problems().isEmpty()) {
            throw new BusinessException(schedule.problems().get(0));
        }
        status = target;
    }

    public boolean isEditable() {
        return status != BatchStatus.ARCHIVED;
    }

    /** The sessions, one per non-blank line. */
    public List<String> sessionLines() {
        return examSessions == null ? List.of()
                : examSessions.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public String getExamSessions() { return examSessions; }
    public void setExamSessions(String examSessions) { this.examSessions = examSessions; }
    public BatchSchedule getSchedule() { return schedule; }
    public void setSchedule(BatchSchedule schedule) { this.schedule = schedule; }
    public Set<Position> getPositions() { return positions; }
    public int getVersion() { return version; }
}
