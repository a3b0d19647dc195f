package org.kaowu.domain.candidate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDateTime;

/**
 * 短信验证码 — a 6-digit code sent for password recovery (忘记密码). Only hashes are kept. Once the code
 * is verified ({@code 下一步}) a reset ticket replaces it for the last step; both die with the expiry.
 */
@Entity
@Table(name = "password_reset_code")
public class PasswordResetCode {

    /** Wrong codes allowed before the code is void. */
    public static final int MAX_ATTEMPTS = 5;

    @Id
    @SequenceGenerator(name = "password_reset_code_seq", sequenceName = "password_reset_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_code_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "candidate_id", nullable = false)
    private Candidate candidate;

    @Column(nullable = false, length = 11)
    private String mobile;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "verified_at")
    private LocalDateTime verifiedAt;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    @Version
    private int version;

    protected PasswordResetCode() {
        // JPA
    }

    public PasswordResetCode(Candidate candidate, String mobile, String codeHash, LocalDateTime createdAt,
                             LocalDateTime expiresAt) {
        this.candidate = candidate;
        this.mobile = mobile;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the code can still be tried at {@code now}. */
    public boolean isOpenAt(LocalDateTime now) {
        return usedAt == null && verifiedAt == null && attempts < MAX_ATTEMPTS && now.isBefore(expiresAt);
    }

    public void recordFailedAttempt() {
        attempts++;
    }

    public void verified(String ticketHash, LocalDateTime now) {
        this.ticketHash = ticketHash;
        this.verifiedAt = now;
    }

    public void used(LocalDateTime now) {
        this.usedAt = now;
    }

    public Long getId() { return id; }
    public Candidate getCandidate() { return candidate; }
    public String getMobile() { return mobile; }
    public String getCodeHash() { return codeHash; }
    public String getTicketHash() { return ticketHash; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public int getAttempts() { return attempts; }
    public LocalDateTime getVerifiedAt() { return verifiedAt; }
    public LocalDateTime getUsedAt() { return usedAt; }
}
