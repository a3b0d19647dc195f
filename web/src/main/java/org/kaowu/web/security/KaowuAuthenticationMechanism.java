package org.kaowu.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one authentication mechanism. Logins happen on our own JSF pages, whose backing beans have a service
 * check the password and then call {@code SecurityContext.authenticate} with a {@link VerifiedCallerCredential};
 * the session keeps the caller ({@link AutoApplySession}). A protected page asked for without a login
 * redirects to the right login page (staff or candidate) and comes back afterwards.
 */
@AutoApplySession
@ApplicationScoped
public class KaowuAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof VerifiedCallerCredential verified) {
            return context.notifyContainerAboutLogin(verified.caller().name(), verified.caller().roles());
        }
        if (context.isProtected()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String login = path.startsWith("/admin/") ? "/admin/login" : "/login";
            String query = request.getQueryString();
            String next = URLEncoder.encode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
            return context.redirect(request.getContextPath() + login + "?next=" + next);
        }
        return context.doNothing();
    }
}
