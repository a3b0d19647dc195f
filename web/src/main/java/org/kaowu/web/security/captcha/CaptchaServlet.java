package org.kaowu.web.security.captcha;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /captcha?form=register} — starts a new challenge for the form in the visitor's session and
 * answers with its image (pre-drawn, see {@link CaptchaPool}). Every request replaces the form's previous code, which is how 换一张 works. Must
 * stay reachable without login: it serves the login and registration pages.
 */
@WebServlet("/captcha")
public class CaptchaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CaptchaStore store;
    @Inject
    private transient CaptchaImage image;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String form = request.getParameter("form");
        if (!CaptchaStore.isValidFormKey(form)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        byte[] png = image.newChallenge(store, form);
        response.setContentType("image/png");
        // Each image is a new challenge: no browser or proxy may keep or share one.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(png.length);
        response.getOutputStream().write(png);
    }
}
