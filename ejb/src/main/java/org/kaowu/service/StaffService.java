package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.OptimisticLockException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.domain.account.PasswordPolicy;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffAccountRepository;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
    @Inject
    private StaffGuard guard;
    @EJB
    private AuditService audit;

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
        Optional<StaffAccount> found = accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT));
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

    // ---- 人员管理 (province admins only) ----

    /** Every staff account, by user name. */
    public List<StaffAccount> all(@NotNull String username) {
        guard.require(username, "staff.list", StaffRole.PROVINCE_ADMIN);
        return accounts.findAll("username");
    }

    /**
     * A province admin creates a site admin (bound to one site) or an operator, with a first password that
     * follows the same rules as everyone's. User names are lower-case letters, digits, dot, dash, underscore.
     */
    public StaffAccount createStaff(@NotNull String username, String newUsername, String displayName, char[] password,
                                    char[] confirmation, StaffRole role, Long siteId) {
        guard.require(username, "staff.create", StaffRole.PROVINCE_ADMIN);
        String name = newUsername == null ? "" : newUsername.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9._-]{3," + StaffAccount.USERNAME_LENGTH + "}")) {
            throw new BusinessException("staff.usernameInvalid", StaffAccount.USERNAME_LENGTH);
        }
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > StaffAccount.DISPLAY_NAME_LENGTH) {
            throw new BusinessException("staff.displayNameInvalid", StaffAccount.DISPLAY_NAME_LENGTH);
        }
        if (role != StaffRole.SITE_ADMIN && role != StaffRole.OPERATOR) {
            throw new BusinessException("staff.roleNotAllowed");
        }
        if (role == StaffRole.SITE_ADMIN && siteId == null) {
            throw new BusinessException("staff.siteRequired");
        }
        PasswordPolicy.check(password, confirmation, name);
        StaffAccount account = create(name, display, password, role, role == StaffRole.SITE_ADMIN ? siteId : null);
        audit.record(username, AuditAction.STAFF_CREATE, "staff", account.getId(), name + " " + display, null,
                describe(account));
        return account;
    }

    /** Sets a new password for a colleague who forgot theirs; also lifts a lockout. */
    public StaffAccount resetPassword(@NotNull String username, @NotNull Long accountId, int version, char[] password,
                                      char[] confirmation) {
        guard.require(username, "staff.resetPassword", StaffRole.PROVINCE_ADMIN);
        StaffAccount account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("staff.notFound"));
        ExamService.requireVersion(account.getVersion(), version);
        PasswordPolicy.check(password, confirmation, account.getUsername());
        account.setPasswordHash(passwordHasher.hash(password));
        account.recordSuccess();
        flush();
        audit.record(username, AuditAction.STAFF_PASSWORD_RESET, "staff", account.getId(), account.getUsername(),
                null, null);
        return account;
    }

    /** 停用 / 启用. A disabled account cannot log in, and its open sessions can no longer do anything. */
    public StaffAccount setEnabled(@NotNull String username, @NotNull Long accountId, int version, boolean enabled) {
        StaffAccount me = guard.require(username, "staff.enable", StaffRole.PROVINCE_ADMIN);
        StaffAccount account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("staff.notFound"));
        ExamService.requireVersion(account.getVersion(), version);
        if (account.getId().equals(me.getId()) && !enabled) {
            throw new BusinessException("staff.cannotDisableSelf");
        }
        boolean before = account.isEnabled();
        account.setEnabled(enabled);
        flush();
        audit.record(username, enabled ? AuditAction.STAFF_ENABLE : AuditAction.STAFF_DISABLE, "staff",
                account.getId(), account.getUsername(), "enabled=" + before, "enabled=" + enabled);
        return account;
    }

    private void flush() {
        try {
            accounts.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException();
        }
    }

    private static String describe(StaffAccount a) {
        return "role=" + a.getRole() + "; site=" + (a.getSite() == null ? "-" : a.getSite().getCode())
                + "; enabled=" + a.isEnabled();
    }
}
