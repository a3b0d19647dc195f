package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.kaowu.service.CertificateQueryService;

/**
 * {@code /candidate/certificate-pdf?id=N} — 下载证书: the caller's own certificate as a PDF. The QR code opens this
 * server's {@code /query/certificate?code=…}.
 */
@WebServlet("/candidate/certificate-pdf")
public class CertificatePdfServlet extends OwnPdfServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient CertificateQueryService certificates;

    @Override
    protected byte[] pdf(HttpServletRequest request, String caller, Long id) {
        String base = request.getRequestURL().toString();
        String queryUrl = base.substring(0, base.length() - request.getRequestURI().length())
                + request.getContextPath() + "/query/certificate";
        return certificates.pdf(caller, id, queryUrl);
    }

    @Override
    protected String disposition(Long id) {
        return "attachment; filename=\"certificate-" + id + ".pdf\"";
    }
}
