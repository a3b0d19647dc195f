package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffAccountRepository;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/** Staff accounts of the exam centre. */
@Stateless
public class StaffService {

    @Inject
    private StaffAccountRepository accounts;
    @Inject
    private ExamSiteRepository sites;
    @Inject
    private PasswordHasher passwordHasher;
    @Inject
    private AccessThrottles throttles;
    @Inject
    private Clock clock;

    private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Creates a staff account; a site admin must name the one site it administers. */
    public StaffAccount create(@NotBlank String username, @NotBlank String displayName, @NotNull char[] password,
                               @NotNull StaffRole role, Long siteId) {
        if (accounts.findByUsername(username).isPresent()) {
            throw new BusinessException("staff.usernameTaken", username);
        }
        ExamSite site = null;
        if (role == StaffRole.SITE_ADMIN) {
            site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        } else if (siteId != null) {
            throw new BusinessException("staff.siteOnlyForSiteAdmin");
        }
        return accounts.persist(new StaffAccount(username, displayName, passwordHasher.hash(password), role, site,
                LocalDateTime.now(clock)));
    }

    /** 管理员登录: same lockout rules as candidates; a disabled account cannot log in. */
    public Result<AuthenticatedCaller> authenticate(String username, char[] password, @NotNull String clientAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (throttles.failedLogins().isBlocked(clientAddress)) {
            return Result.refused("login.addressBlocked", RETRY_TIME.format(throttles.failedLogins()
                    .blockedUntil(clientAddress).map(i -> LocalDateTime.ofInstant(i, clock.getZone())).orElse(now)));
        }
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Result.refused("login.staffRequired");
        }
        Optional<StaffAccount> found = accounts.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            passwordHasher.matchesNothing(password);
            throttles.failedLogins().record(clientAddress);
            return Result.refused("login.staffFailed");
        }
        StaffAccount account = found.get();
        if (account.isLockedAt(now)) {
            return Result.refused("login.locked", RETRY_TIME.format(account.getLockedUntil()));
        }
        if (!passwordHasher.matches(password, account.getPasswordHash())) {
            throttles.failedLogins().record(clientAddress);
            if (account.recordFailure(now)) {
                return Result.refused("login.locked", RETRY_TIME.format(account.getLockedUntil()));
            }
            return Result.refused("login.staffFailed");
        }
        if (!account.isEnabled()) {
            return Result.refused("login.disabled");
        }
        account.recordSuccess();
        return Result.ok(new AuthenticatedCaller(account.getUsername(), account.getDisplayName(),
                Set.of(account.getRole().name())));
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }
}
