package org.kaowu.web.view.admin.review;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ReviewService;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /admin/registration-file?id=N&file=form|PHOTO|ID_CARD_SCAN|DIPLOMA_SCAN} — what a reviewer checks
 * beside the registration: the 报名表 PDF, the photo taken at submission and the uploaded scans. web.xml lets
 * only province and site admins in; ReviewService answers "not found" for another site's registration (and
 * logs the attempt), which becomes a plain 404 here.
 */
@WebServlet("/admin/registration-file")
public class RegistrationFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ReviewService reviews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = id(request.getParameter("id"));
        String file = request.getParameter("file");
        Optional<ImageKind> kind = Arrays.stream(ImageKind.values()).filter(k -> k.name().equals(file)).findFirst();
        if (id == null || request.getUserPrincipal() == null || (!"form".equals(file) && kind.isEmpty())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String caller = request.getUserPrincipal().getName();
        byte[] bytes;
        String type;
        try {
            if ("form".equals(file)) {
                bytes = reviews.formPdf(caller, id);
                type = "application/pdf";
            } else {
                bytes = reviews.scan(caller, id, kind.get()).orElse(null);
                type = "image/jpeg";
            }
        } catch (BusinessException e) {
            bytes = null;
            type = null;
        } catch (EJBException e) {
            getServletContext().log("registration file " + id + "/" + file + " could not be produced", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (bytes == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "inline; filename=\"registration-" + id + "-"
                + file.toLowerCase(java.util.Locale.ROOT) + (type.endsWith("pdf") ? ".pdf" : ".jpg") + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Long id(String raw) {
        try {
            return raw == null ? null : Long.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
