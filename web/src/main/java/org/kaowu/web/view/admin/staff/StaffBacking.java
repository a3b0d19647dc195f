package org.kaowu.web.view.admin.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.service.ExamService;
import org.kaowu.service.StaffService;
import org.kaowu.web.view.Requests;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/staff} — 人员管理: staff accounts, 新建 (site admin or operator), 重置密码 and 停用/启用. The
 * whole list comes from the service and is filtered in memory. Passwords live in this bean only between
 * the submit and the service call, and are never written back to a page (p:password does not redisplay).
 */
@Named
@ViewScoped
public class StaffBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "staffForm:staffTable";

    /** The roles a province admin may create; the service refuses any other. */
    private static final List<StaffRole> CREATABLE = List.of(StaffRole.SITE_ADMIN, StaffRole.OPERATOR);

    @EJB
    private StaffService staff;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private String text;
    private StaffRole roleFilter;
    private List<StaffAccount> all = List.of();
    private List<StaffAccount> accounts = List.of();
    private List<ExamSite> sites = List.of();

    // 新建
    private String newUsername;
    private String displayName;
    private StaffRole role;
    private Long siteId;
    private String password;
    private String confirmation;

    // 重置密码
    private StaffAccount target;

    @PostConstruct
    public void load() {
        try {
            all = staff.all(caller());
        } catch (BusinessException e) {
            all = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        search();
    }

    public void search() {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        accounts = all.stream()
                .filter(a -> roleFilter == null || a.getRole() == roleFilter)
                .filter(a -> needle.isEmpty() || contains(a.getUsername(), needle) || contains(a.getDisplayName(), needle))
                .toList();
    }

    public void clear() {
        text = null;
        roleFilter = null;
        search();
    }

    /** 新建: an empty form; the site list is read now, so a site created meanwhile can be chosen. */
    public void create() {
        newUsername = displayName = password = confirmation = null;
        role = StaffRole.SITE_ADMIN;
        siteId = null;
        try {
            sites = exams.allSites(caller());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void saveNew() {
        try {
            StaffAccount created = staff.createStaff(caller(), newUsername, displayName, Requests.chars(password),
                    Requests.chars(confirmation), role, role == StaffRole.SITE_ADMIN ? siteId : null);
            Messages.addGlobalInfo("admin.staff.created", created.getUsername());
            closeDialog();
            load();
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        } finally {
            // never kept, whatever happened: the dialog asks for both again
            password = confirmation = null;
        }
    }

    /** 重置密码 for one row. */
    public void choose(StaffAccount account) {
        target = account;
        password = confirmation = null;
    }

    public void resetPassword() {
        try {
            staff.resetPassword(caller(), target.getId(), target.getVersion(), Requests.chars(password),
                    Requests.chars(confirmation));
            Messages.addGlobalInfo("admin.staff.resetPassword.done", target.getUsername());
            target = null;
            closeDialog();
            load();
        } catch (ConflictException e) {
            // Most often the person's own failed logins changed the row; the next try uses the fresh version.
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            load();
            Long id = target.getId();
            target = all.stream().filter(a -> a.getId().equals(id)).findFirst().orElse(target);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        } finally {
            password = confirmation = null;
        }
    }

    /** 停用 / 启用 (after p:confirm). */
    public void toggle(StaffAccount account) {
        boolean enable = !account.isEnabled();
        try {
            staff.setEnabled(caller(), account.getId(), account.getVersion(), enable);
            Messages.addGlobalInfo(enable ? "admin.staff.enabled" : "admin.staff.disabled", account.getUsername());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** Whether a row is the caller's own account: nobody may disable themselves, so no button for it. */
    public boolean isSelf(StaffAccount account) {
        return account.getUsername().equals(caller());
    }

    /** A lockout that has run out means nothing; only a current one is shown. */
    public boolean isLocked(StaffAccount account) {
        return account.isLockedAt(LocalDateTime.now());
    }

    private void closeDialog() {
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
        PrimeFaces.current().ajax().update("messages", TABLE);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    public StaffRole[] getRoles() { return StaffRole.values(); }
    public List<StaffRole> getCreatableRoles() { return CREATABLE; }
    public List<StaffAccount> getAccounts() { return accounts; }
    public List<ExamSite> getSites() { return sites; }
    public StaffAccount getTarget() { return target; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public StaffRole getRoleFilter() { return roleFilter; }
    public void setRoleFilter(StaffRole roleFilter) { this.roleFilter = roleFilter; }
    public String getNewUsername() { return newUsername; }
    public void setNewUsername(String newUsername) { this.newUsername = newUsername; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public StaffRole getRole() { return role; }
    public void setRole(StaffRole role) { this.role = role; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
