package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.web.view.Requests;
import org.omnifaces.util.Messages;

/** {@code /candidate/security} — 个人中心 → 用户信息 → 账号安全: change the password (manual section 8). */
@Named("candidateSecurityBacking")
@RequestScoped
public class SecurityBacking {

    @EJB
    private AccountService accounts;
    @Inject
    private SecurityContext securityContext;

    private String oldPassword;
    private String password;
    private String confirmation;

    public void changePassword() {
        try {
            // the account is always the logged-in caller's, never one named by the request
            accounts.changePassword(securityContext.getCallerPrincipal().getName(), Requests.chars(oldPassword),
                    Requests.chars(password), Requests.chars(confirmation));
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        }
        oldPassword = password = confirmation = null;
        Messages.addGlobalInfo("candidate.security.changed");
    }

    public String getOldPassword() { return oldPassword; }
    public void setOldPassword(String oldPassword) { this.oldPassword = oldPassword; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
