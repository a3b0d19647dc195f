package org.kaowu.web.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.AuthenticatedCaller;
import org.kaowu.service.Result;
import org.kaowu.service.StaffService;
import org.kaowu.web.security.captcha.CaptchaStore;
import org.kaowu.web.view.Requests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decides a POST of the candidate or the staff login form before Faces sees it: the CAPTCHA (single use), then
 * the service's password check with its lockout, then {@link Login#logIn} and a redirect. A login therefore
 * never enters the JSF lifecycle, which on the stateless login view would rebuild the whole page only to read
 * four fields (measured with LoginBenchmark: a login's CPU beyond the password hash fell from 14 % to 8 % of the
 * hash's). A refusal goes on to the page, whose action shows it ({@link Login#showRefusal}) next to the typed
 * account and a new CAPTCHA. A form with a field left empty goes on undecided: Faces says which field is
 * required, and nothing is spent.
 * <p>
 * The field names are the pages' client ids ({@code loginForm:…}); the CAPTCHA keys are their
 * {@code <kw:captcha form="…">} attributes.
 */
@WebFilter(urlPatterns = {"/login", "/login.xhtml", "/admin/login", "/admin/login.xhtml"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class LoginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PASSWORD = "loginForm:password";
    static final String CAPTCHA = "loginForm:captcha:captchaInput";
    static final String NEXT = "loginForm:next";

    /** What differs between the two login forms. */
    private record Form(String accountField, String captchaKey, String home) {
    }

    private static final Form CANDIDATE = new Form("loginForm:idNumber", "login", "/candidate/profile");
    private static final Form STAFF = new Form("loginForm:username", "adminlogin", "/admin/");
    /** Set once a request's form is decided: the extensionless URL is forwarded to the .xhtml one. */
    private static final String DECIDED = LoginFilter.class.getName() + ".decided";

    @EJB
    private AccountService accounts;
    @EJB
    private StaffService staff;
    @Inject
    private CaptchaStore captchas;
    @Inject
    private Login login;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(DECIDED) != null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(DECIDED, Boolean.TRUE);
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Form form = path.startsWith("/admin/") ? STAFF : CANDIDATE;
        String account = request.getParameter(form.accountField());
        String password = request.getParameter(PASSWORD);
        String typed = request.getParameter(CAPTCHA);
        if (isEmpty(account) || isEmpty(password) || isEmpty(typed)) {
            chain.doFilter(request, response); // another form of the page (language), or a field left empty
            return;
        }
        Login.Refusal refusal = decide(form, account, password, typed, request, response);
        if (refusal == null) {
            response.sendRedirect(request.getContextPath() + Login.target(request.getParameter(NEXT), form.home()));
            return;
        }
        request.setAttribute(Login.REFUSAL, refusal);
        chain.doFilter(request, response);
    }

    /** Logs the caller in, or says why not. */
    private Login.Refusal decide(Form form, String account, String password, String typed,
                                 HttpServletRequest request, HttpServletResponse response) {
        if (!captchas.verify(form.captchaKey(), typed)) {
            return new Login.Refusal("captcha.wrong");
        }
        String client = Requests.clientAddress(request);
        Result<AuthenticatedCaller> result;
        try {
            result = form == STAFF
                    ? staff.authenticate(account, password.toCharArray(), client)
                    : accounts.authenticate(account, password.toCharArray(), client);
        } catch (BusinessException e) { // e.g. an ID number that cannot be one
            return new Login.Refusal(e.getMessageKey(), e.getArguments());
        }
        if (!result.isOk()) {
            return new Login.Refusal(result.messageKey(), result.arguments());
        }
        return login.logIn(result.value().orElseThrow(), request, response) ? null : new Login.Refusal("login.failed");
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
