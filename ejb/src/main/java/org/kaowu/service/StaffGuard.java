package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffAccountRepository;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.exception.AccessDeniedException;

import java.util.Arrays;

/**
 * Who the caller is on the staff side and what they may touch. Every admin service method starts here with
 * the principal name from the security context: the account must exist, be enabled and hold one of the
 * roles. A refusal is logged and ends the request with "no access" and no data.
 */
@ApplicationScoped
public class StaffGuard {

    @Inject
    private StaffAccountRepository accounts;
    @EJB
    private AuditService audit;

    public StaffAccount require(String username, String what, StaffRole... allowed) {
        StaffAccount account = username == null ? null : accounts.findByUsername(username).orElse(null);
        if (account == null || !account.isEnabled() || !Arrays.asList(allowed).contains(account.getRole())) {
            throw deny(username, what, null);
        }
        return account;
    }

    /** The site a caller is confined to: a site admin's own site id, or null for "every site". */
    public static Long siteScope(StaffAccount account) {
        return account.getRole() == StaffRole.SITE_ADMIN ? account.getSite().getId() : null;
    }

    /** Logs the refusal and returns the exception to throw. */
    public AccessDeniedException deny(String username, String what, Object targetId) {
        audit.denied(username, what, targetId);
        return new AccessDeniedException();
    }
}
