package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.domain.account.PasswordPolicy;
import org.kaowu.domain.account.Roles;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.CandidateRepository;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.candidate.PasswordResetCode;
import org.kaowu.domain.candidate.PasswordResetCodeRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Candidates' accounts (manual sections 1, 2, 8, 9): registration with the ID number as account name,
 * login with lockout, password change, and password recovery by SMS code.
 */
@Stateless
public class AccountService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    static final int DAILY_CODES = 5;
    private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private CandidateRepository candidates;
    @Inject
    private PasswordResetCodeRepository resetCodes;
    @Inject
    private PasswordHasher passwordHasher;
    @Inject
    private AccessThrottles throttles;
    @Inject
    private Clock clock;
    @EJB
    private NotificationService notifications;

    /** 注册: creates the account; gender and birth date come from the ID number. */
    public Candidate register(String rawIdNumber, char[] password, char[] confirmation, @NotNull String clientAddress) {
        IdNumber idNumber = IdNumber.parse(rawIdNumber, clock);
        PasswordPolicy.check(password, confirmation, idNumber.value());
        if (candidates.findByIdNumber(idNumber.value()).isPresent()) {
            throw new BusinessException("register.idTaken");
        }
        if (!throttles.registrations().tryAcquire(clientAddress)) {
            throw new BusinessException("register.tooMany");
        }
        Candidate candidate = new Candidate(idNumber.value(), passwordHasher.hash(password), now());
        candidate.setGender(idNumber.gender());
        candidate.setBirthDate(idNumber.birthDate());
        try {
            candidates.persist(candidate);
            candidates.flush();
        } catch (PersistenceException e) {
            // two registrations of one ID number at the same moment: the unique constraint decides
            throw new BusinessException("register.idTaken");
        }
        return candidate;
    }

    /** 登录: checks the password, counting failures towards the account's lockout and the address's limit. */
    public Result<AuthenticatedCaller> authenticate(String rawIdNumber, char[] password, @NotNull String clientAddress) {
        LocalDateTime now = now();
        if (throttles.failedLogins().isBlocked(clientAddress)) {
            return Result.refused("login.addressBlocked", retryTime(throttles.failedLogins().blockedUntil(clientAddress)
                    .map(instant -> LocalDateTime.ofInstant(instant, clock.getZone())).orElse(now)));
        }
        IdNumber idNumber = IdNumber.parse(rawIdNumber, clock);
        Optional<Candidate> found = candidates.findByIdNumber(idNumber.value());
        if (found.isEmpty()) {
            passwordHasher.matchesNothing(password); // same cost as a real check: no account probing by timing
            throttles.failedLogins().record(clientAddress);
            return Result.refused("login.failed");
        }
        Candidate candidate = found.get();
        if (candidate.isLockedAt(now)) {
            return Result.refused("login.locked", retryTime(candidate.getLockedUntil()));
        }
        if (!passwordHasher.matches(password, candidate.getPasswordHash())) {
            throttles.failedLogins().record(clientAddress);
            if (candidate.recordFailure(now)) {
                return Result.refused("login.locked", retryTime(candidate.getLockedUntil()));
            }
            return Result.refused("login.failedWithRemaining", Candidate.MAX_FAILURES - candidate.getFailedLogins());
        }
        candidate.recordSuccess();
        return Result.ok(new AuthenticatedCaller(candidate.getIdNumber(),
                candidate.getName() == null ? IdNumber.mask(candidate.getIdNumber()) : candidate.getName(),
                Set.of(Roles.CANDIDATE)));
    }

    /** 账号安全: a new password after the old one is confirmed. */
    public void changePassword(@NotNull String idNumber, char[] oldPassword, char[] newPassword, char[] confirmation) {
        Candidate candidate = byIdNumber(idNumber);
        if (oldPassword == null || !passwordHasher.matches(oldPassword, candidate.getPasswordHash())) {
            throw new BusinessException("password.oldWrong");
        }
        PasswordPolicy.check(newPassword, confirmation, candidate.getIdNumber());
        if (passwordHasher.matches(newPassword, candidate.getPasswordHash())) {
            throw new BusinessException("password.sameAsOld");
        }
        candidate.setPasswordHash(passwordHasher.hash(newPassword));
    }

    /**
     * 忘记密码 → 发送: sends a 6-digit code to the profile's mobile number if the number given matches it
     * (号码不符 otherwise, also for unknown ID numbers, so the form reveals nothing more than the manual
     * requires). Throttled per account, per number and per address.
     */
    public void sendResetCode(String rawIdNumber, String mobile, @NotNull String clientAddress) {
        IdNumber idNumber = IdNumber.parse(rawIdNumber, clock);
        if (mobile == null || !mobile.strip().matches("1[3-9][0-9]{9}")) {
            throw new BusinessException("reset.mobileFormat");
        }
        String number = mobile.strip();
        Candidate candidate = candidates.findByIdNumber(idNumber.value())
                .filter(c -> number.equals(c.getMobile()))
                .orElseThrow(() -> new BusinessException("reset.mobileMismatch"));
        LocalDateTime now = now();
        Optional<PasswordResetCode> latest = resetCodes.findLatest(candidate);
        if (latest.isPresent() && latest.get().getCreatedAt().plus(RESEND_INTERVAL).isAfter(now)) {
            long seconds = Duration.between(now, latest.get().getCreatedAt().plus(RESEND_INTERVAL)).toSeconds() + 1;
            throw new BusinessException("reset.tooSoon", seconds);
        }
        LocalDateTime startOfDay = now.toLocalDate().atStartOfDay();
        if (resetCodes.countSentToCandidateSince(candidate, startOfDay) >= DAILY_CODES
                || resetCodes.countSentToMobileSince(number, startOfDay) >= DAILY_CODES) {
            throw new BusinessException("reset.dailyLimit", DAILY_CODES);
        }
        if (!throttles.resetCodes().tryAcquire(clientAddress)) {
            throw new BusinessException("reset.addressLimit");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        resetCodes.persist(new PasswordResetCode(candidate, number, sha256(candidate.getId() + ":" + code), now,
                now.plus(CODE_LIFETIME)));
        notifications.sms(number, NotificationTexts.text("sms.passwordReset", code, CODE_LIFETIME.toMinutes()));
    }

    /**
     * 下一步: checks the SMS code. A wrong code uses up one of its tries (kept even though the answer is a
     * refusal); a right one is exchanged for a one-time ticket for setting the new password.
     */
    public Result<String> verifyResetCode(String rawIdNumber, String code) {
        IdNumber idNumber = IdNumber.parse(rawIdNumber, clock);
        LocalDateTime now = now();
        Optional<PasswordResetCode> latest = candidates.findByIdNumber(idNumber.value()).flatMap(resetCodes::findLatest);
        if (latest.isEmpty() || !latest.get().isOpenAt(now)) {
            return Result.refused("reset.codeExpired");
        }
        PasswordResetCode resetCode = latest.get();
        String typed = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(resetCode.getCodeHash().getBytes(StandardCharsets.US_ASCII),
                sha256(resetCode.getCandidate().getId() + ":" + typed).getBytes(StandardCharsets.US_ASCII))) {
            resetCode.recordFailedAttempt();
            int left = PasswordResetCode.MAX_ATTEMPTS - resetCode.getAttempts();
            return left > 0 ? Result.refused("reset.codeWrong", left) : Result.refused("reset.codeExpired");
        }
        byte[] ticketBytes = new byte[32];
        RANDOM.nextBytes(ticketBytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(ticketBytes);
        resetCode.verified(sha256(ticket), now);
        return Result.ok(ticket);
    }

    /** Sets the new password with the ticket from {@link #verifyResetCode}; returns the account's ID number. */
    public String resetPassword(String ticket, char[] newPassword, char[] confirmation) {
        LocalDateTime now = now();
        PasswordResetCode resetCode = Optional.ofNullable(ticket).flatMap(t -> resetCodes.findByTicketHash(sha256(t)))
                .filter(c -> c.getUsedAt() == null && now.isBefore(c.getExpiresAt().plus(CODE_LIFETIME)))
                .orElseThrow(() -> new BusinessException("reset.ticketExpired"));
        Candidate candidate = resetCode.getCandidate();
        PasswordPolicy.check(newPassword, confirmation, candidate.getIdNumber());
        candidate.setPasswordHash(passwordHasher.hash(newPassword));
        candidate.recordSuccess(); // a recovered account is no longer locked
        resetCode.used(now);
        return candidate.getIdNumber();
    }

    public boolean exists(@NotNull String idNumber) {
        return candidates.findByIdNumber(idNumber).isPresent();
    }

    public Candidate byIdNumber(@NotNull String idNumber) {
        return candidates.findByIdNumber(idNumber).orElseThrow(() -> new NotFoundException("candidate.notFound"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String retryTime(LocalDateTime until) {
        return RETRY_TIME.format(until);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
