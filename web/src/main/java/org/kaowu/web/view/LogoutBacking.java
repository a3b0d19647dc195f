package org.kaowu.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.web.security.Login;
import org.omnifaces.util.Faces;

/** 退出 — a POST from the header of every page; ends the session. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    private Login login;

    public void logOut() {
        login.logOut();
        Faces.redirect(Faces.getRequestContextPath() + "/");
    }
}
