package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.candidate.image.UploadedImage;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ProfileService;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code GET /candidate/image/{PHOTO|ID_CARD_SCAN|DIPLOMA_SCAN}} — the logged-in candidate's own stored image
 * (个人证件照, 身份证扫描件, 学历证书扫描件). The path names only the kind, never a candidate: whose image it is
 * comes from the session alone, so one candidate cannot ask for another's. 404 for an unknown kind or when
 * there is no image; the login itself is enforced by web.xml's {@code /candidate/*} constraint.
 */
@WebServlet(ImageServlet.PATH + "*")
public class ImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/candidate/image/";

    @EJB
    private transient ProfileService profiles;
    @Inject
    private transient SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal caller = securityContext.getCallerPrincipal();
        Optional<ImageKind> kind = kind(request.getPathInfo());
        if (caller == null || kind.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<UploadedImage> image;
        try {
            image = profiles.image(caller.getName(), kind.get());
        } catch (BusinessException notACandidate) {
            image = Optional.empty();
        }
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] jpeg = image.get().bytes();
        response.setContentType(image.get().contentType());
        // personal data: never kept by the browser or any proxy (the page adds a version query anyway)
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "inline; filename=\"" + kind.get().name().toLowerCase() + ".jpg\"");
        response.setContentLength(jpeg.length);
        response.getOutputStream().write(jpeg);
    }

    /** Exactly one path segment naming a kind; anything else (other names, sub-paths, case variants) is none. */
    static Optional<ImageKind> kind(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return Optional.empty();
        }
        String name = pathInfo.substring(1);
        return Arrays.stream(ImageKind.values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
