package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.kaowu.service.RegistrationService;

/** {@code /candidate/registration-form?id=N} — the 报名表 PDF of one of the caller's own registrations. */
@WebServlet("/candidate/registration-form")
public class RegistrationFormServlet extends OwnPdfServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient RegistrationService registrations;

    @Override
    protected byte[] pdf(HttpServletRequest request, String caller, Long id) {
        return registrations.formPdf(caller, id);
    }

    @Override
    protected String disposition(Long id) {
        return "inline; filename=\"registration-" + id + ".pdf\"";
    }
}
