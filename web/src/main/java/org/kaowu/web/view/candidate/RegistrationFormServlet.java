package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.RegistrationService;

import java.io.IOException;

/**
 * {@code /candidate/registration-form?id=N} — the 报名表 PDF of one of the caller's own registrations
 * (behind the /candidate/* constraint; another candidate's id is a plain 404).
 */
@WebServlet("/candidate/registration-form")
public class RegistrationFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private RegistrationService registrations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id;
        try {
            id = Long.valueOf(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            pdf = registrations.formPdf(request.getUserPrincipal().getName(), id);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (jakarta.ejb.EJBException e) {
            // e.g. the CJK font is missing on this server: the friendly error page, not a 500 with a trace
            getServletContext().log("registration form " + id + " could not be rendered", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"registration-" + id + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
