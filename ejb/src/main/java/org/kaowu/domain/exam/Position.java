package org.kaowu.domain.exam;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** 岗位 — what a candidate registers for (a subject or post), with its fee and pass line. */
@Entity
@Table(name = "position")
public class Position implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int CODE_LENGTH = 10;
    public static final int NAME_LENGTH = 100;

    @Id
    @SequenceGenerator(name = "position_seq", sequenceName = "position_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "position_seq")
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
    @DecimalMin("0")
    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal fee;

    @NotNull
    @DecimalMin("0")
    @Column(name = "pass_line", nullable = false, precision = 5, scale = 1)
    private BigDecimal passLine;

    @Version
    private int version;

    protected Position() {
        // JPA
    }

    public Position(String code, String name, BigDecimal fee, BigDecimal passLine) {
        this.code = code;
        this.name = name;
        this.fee = fee;
        this.passLine = passLine;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    /** Only a new position's code is taken; an existing position keeps its code. */
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public BigDecimal getFee() { return fee; }
    public void setFee(BigDecimal fee) { this.fee = fee; }
    public BigDecimal getPassLine() { return passLine; }
    public void setPassLine(BigDecimal passLine) { this.passLine = passLine; }
    public int getVersion() { return version; }
}
