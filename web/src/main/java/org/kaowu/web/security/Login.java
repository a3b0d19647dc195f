package org.kaowu.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.service.AuthenticatedCaller;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The one way somebody is logged in or out, candidates and staff alike. {@link LoginFilter} decides the login
 * forms and calls {@link #logIn}: the caller a service has verified goes to Jakarta Security, the session gets a
 * new id (no session fixation) and is registered. The login pages' actions only show the filter's refusal.
 */
@RequestScoped
public class Login {

    /** Request attribute: the {@link Refusal} of this request's login form, for the page to show. */
    static final String REFUSAL = Login.class.getName() + ".refusal";

    /** Why a login form was refused: a message key of the bundle and its arguments. */
    record Refusal(String messageKey, Object... arguments) {
    }

    @Inject
    private SecurityContext securityContext;
    @Inject
    private SessionRegistry sessions;

    /** Returns true when the container accepted the login. */
    boolean logIn(AuthenticatedCaller caller, HttpServletRequest request, HttpServletResponse response) {
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
     * The login page's action: shows why {@link LoginFilter} refused this POST. Faces invokes the action only for
     * a form with every field filled in, and the filter decides every such form before Faces sees it.
     */
    public void showRefusal() {
        Refusal refusal = (Refusal) Faces.getRequestAttribute(REFUSAL);
        if (refusal == null) {
            Messages.addGlobalError("login.failed");
        } else {
            Messages.addGlobalError(refusal.messageKey(), refusal.arguments());
        }
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

    /**
     * Where to continue after login: {@code next} when it is a local path in the same area as {@code home}
     * (candidate or admin pages), else home. Never another site.
     */
    static String target(String next, String home) {
        String area = home.substring(0, home.indexOf('/', 1) + 1);
        String safe = safeNext(next, home);
        return safe.startsWith(area) ? safe : home;
    }

    /** A safe place to continue after login: only local paths, never another site. */
    private static String safeNext(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n")) {
            return fallback;
        }
        return next;
    }
}
