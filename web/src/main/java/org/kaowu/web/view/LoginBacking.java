package org.kaowu.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.web.security.Login;
import org.omnifaces.util.Faces;

/**
 * {@code /login} — 用户登录 for candidates (manual section 2). The POST is decided by
 * {@link org.kaowu.web.security.LoginFilter}; this bean holds what the page shows again after a refusal.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private Login login;

    private String idNumber;
    private String password;
    /** Where to go after login: ?next= on the GET, the form's hidden field on the POST (which sets it again). */
    private String next;

    @PostConstruct
    void readNext() {
        next = Faces.getRequestParameter("next");
    }

    public void logIn() {
        login.showRefusal();
    }

    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
