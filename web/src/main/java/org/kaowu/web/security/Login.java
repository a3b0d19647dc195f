package org.kaowu.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.service.AuthenticatedCaller;
import org.kaowu.service.Result;
import org.omnifaces.util.Messages;
import org.omnifaces.util.Faces;

/**
 * The one way a page logs somebody in or out, for candidates and staff: hands the caller a service has
 * verified to Jakarta Security, gives the session a new id (no session fixation) and registers it.
 */
@RequestScoped
public class Login {

    @Inject
    private SecurityContext securityContext;
    @Inject
    private SessionRegistry sessions;

    /** Returns true when the container accepted the login. */
    private boolean logIn(AuthenticatedCaller caller) {
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        request.getSession(true);
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new VerifiedCallerCredential(caller)).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            return false;
        }
        sessions.loggedIn(caller.name(), request.getSession());
        return true;
    }

    /**
     * Finishes a login a service has decided: shows its refusal, or logs the caller in and continues to
     * {@code next} when it lies in the same area as {@code home} (candidate or admin pages), else to home.
     */
    public void finish(Result<AuthenticatedCaller> result, String next, String home) {
        if (!result.isOk()) {
            Messages.addGlobalError(result.messageKey(), result.arguments());
            return;
        }
        if (!logIn(result.value().orElseThrow())) {
            Messages.addGlobalError("login.failed");
            return;
        }
        String area = home.substring(0, home.indexOf('/', 1) + 1);
        String target = safeNext(next, home);
        Faces.redirect(Faces.getRequestContextPath() + (target.startsWith(area) ? target : home));
    }

    /** Ends the login and the whole session. */
    public void logOut() {
        HttpServletRequest request = Faces.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            throw new IllegalStateException("logout failed", e);
        }
        Faces.invalidateSession();
    }

    /** A safe place to continue after login: only local paths, never another site. */
    public static String safeNext(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n")) {
            return fallback;
        }
        return next;
    }
}
