package org.kaowu.web.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.kaowu.service.AuditService;
import org.omnifaces.util.Faces;

/**
 * The 403 page: a logged-in user reached a page their role does not open (a candidate on /admin/*, a site
 * admin on a province page). The container refused it already; this writes the attempt to the audit log.
 */
@Named
@RequestScoped
public class ForbiddenBacking {

    @EJB
    private AuditService audit;

    private boolean logged;

    /** Called once as the page renders. */
    public String getLogged() {
        if (!logged) {
            logged = true;
            HttpServletRequest request = Faces.getRequest();
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            audit.denied(who, "page " + (uri == null ? request.getRequestURI() : uri), null);
        }
        return "";
    }
}
