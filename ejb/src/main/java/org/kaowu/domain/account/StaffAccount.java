package org.kaowu.domain.account;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.exam.ExamSite;

import java.time.LocalDateTime;

/** 管理员账号 — a member of the exam centre's staff who logs in at /admin/login. */
@Entity
@Table(name = "staff_account")
public class StaffAccount implements Lockable, Serializable {

    private static final long serialVersionUID = 1L;

    public static final int USERNAME_LENGTH = 50;
    public static final int DISPLAY_NAME_LENGTH = 50;

    @Id
    @SequenceGenerator(name = "staff_account_seq", sequenceName = "staff_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
    private Long id;

    @NotBlank
    @Size(max = USERNAME_LENGTH)
    @Pattern(regexp = "[a-z0-9_.-]+")
    @Column(nullable = false, unique = true, length = USERNAME_LENGTH)
    private String username;

    @NotBlank
    @Size(max = DISPLAY_NAME_LENGTH)
    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_LENGTH)
    private String displayName;

    @NotNull
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StaffRole role;

    /** The site a site admin is bound to; null for the other roles. */
    @ManyToOne
    @JoinColumn(name = "site_id")
    private ExamSite site;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Version
    private int version;

    protected StaffAccount() {
        // JPA
    }

    public StaffAccount(String username, String displayName, String passwordHash, StaffRole role, ExamSite site,
                        LocalDateTime createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.site = site;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public StaffRole getRole() { return role; }
    public ExamSite getSite() { return site; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getFailedLogins() { return failedLogins; }
    public void setFailedLogins(int failedLogins) { this.failedLogins = failedLogins; }
    public LocalDateTime getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(LocalDateTime lockedUntil) { this.lockedUntil = lockedUntil; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
