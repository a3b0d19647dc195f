package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.CertificateQueryService;

import java.io.IOException;

/**
 * {@code /candidate/certificate-pdf?id=N} — 下载证书: the caller's own certificate as a PDF (behind the
 * /candidate/* constraint). Another candidate's, an unknown or a malformed id is a plain 404. The QR code opens
 * this server's {@code /query/certificate?code=…}.
 */
@WebServlet("/candidate/certificate-pdf")
public class CertificatePdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private CertificateQueryService certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id;
        try {
            id = Long.valueOf(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String base = request.getRequestURL().toString();
        String queryUrl = base.substring(0, base.length() - request.getRequestURI().length())
                + request.getContextPath() + "/query/certificate";
        byte[] pdf;
        try {
            pdf = certificates.pdf(request.getUserPrincipal().getName(), id, queryUrl);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBException e) {
            getServletContext().log("certificate " + id + " could not be rendered", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"certificate-" + id + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
