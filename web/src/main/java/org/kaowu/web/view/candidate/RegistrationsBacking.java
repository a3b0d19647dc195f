package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.registration.Registration;
import org.kaowu.service.RegistrationService;

import java.util.List;

/** {@code /candidate/registrations} — 个人中心 → 我的考试 → 报名记录. */
@Named("candidateRegistrationsBacking")
@RequestScoped
public class RegistrationsBacking {

    @EJB
    private RegistrationService registrations;
    @Inject
    private SecurityContext security;

    private List<Registration> mine;

    public List<Registration> getMine() {
        if (mine == null) {
            mine = registrations.mine(security.getCallerPrincipal().getName());
        }
        return mine;
    }
}
