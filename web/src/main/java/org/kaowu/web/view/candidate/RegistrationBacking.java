package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.registration.Registration;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.RegistrationService;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;

/** {@code /candidate/registration?id=N} — 报名查看: the form, its status, 打印, 撤回. */
@Named("candidateRegistrationBacking")
@ViewScoped
public class RegistrationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RegistrationService registrations;
    @Inject
    private SecurityContext security;

    private Long id;
    private Registration registration;

    /** f:viewAction: another candidate's or an unknown id shows "not found" and nothing else. */
    public void load() {
        try {
            if (id == null) {
                throw new BusinessException("registration.notFound");
            }
            registration = registrations.mine(caller(), id);
        } catch (BusinessException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
            Faces.redirect(Faces.getRequestContextPath() + "/candidate/registrations");
        }
    }

    /** 撤回 */
    public void withdraw() {
        try {
            registration = registrations.withdraw(caller(), id);
            Messages.addGlobalInfo("candidate.registration.withdrawn");
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Registration getRegistration() { return registration; }
}
