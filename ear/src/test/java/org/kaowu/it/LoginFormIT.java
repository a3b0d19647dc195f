package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two login forms over plain HTTP, as {@code LoginFilter} decides them before Faces: a login redirects with a
 * new session id, to {@code next} only when it is a page of the same area; every refusal is the page again with
 * its specific message, the typed account kept and a CAPTCHA to type, never a 500; a field left empty gets Faces'
 * required message and costs no attempt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginFormIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("ui-messages-error-summary\">([^<]*)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    @Test
    void aLoginRedirectsWithANewSessionToTheSameAreaOnly() throws Exception {
        String id = register();
        Visitor v = new Visitor();
        v.get("login");
        String before = v.session();
        HttpResponse<String> ok = v.logIn(id, Journey.PASSWORD, Journey.CAPTCHA, "");
        assertEquals(302, ok.statusCode());
        assertEquals(Browser.BASE_URL + "candidate/profile", location(ok));
        assertNotEquals(before, v.session(), "a login gives the session a new id");
        assertEquals(200, v.get("candidate/security").statusCode());

        assertEquals(Browser.BASE_URL + "candidate/exams", location(new Visitor().logIn(id, Journey.PASSWORD, Journey.CAPTCHA, "/candidate/exams")));
        for (String elsewhere : new String[] {"/admin/", "//evil.example/", "https://evil.example/", "/candidate/\r\nX: y"}) {
            assertEquals(Browser.BASE_URL + "candidate/profile",
                    location(new Visitor().logIn(id, Journey.PASSWORD, Journey.CAPTCHA, elsewhere)), elsewhere);
        }
    }

    @Test
    void refusalsShowTheirMessageKeepTheIdAndCountOnlyRealAttempts() throws Exception {
        String id = register();
        Visitor v = new Visitor();
        assertRefused(v.logIn(id, Journey.PASSWORD, "WRONG", "/candidate/exams"), "验证码不正确", id);
        assertRefused(v.logIn(id, "", Journey.CAPTCHA, ""), "请输入密码", id);
        // neither the CAPTCHA nor the empty field reached the password check: this is the first failure
        HttpResponse<String> wrong = v.logIn(id, "Wrong2026", Journey.CAPTCHA, "/candidate/exams");
        assertRefused(wrong, "再错误 4 次", id);
        assertTrue(wrong.body().contains("name=\"loginForm:next\" value=\"/candidate/exams\""), "next is kept");
        assertTrue(wrong.body().contains("loginForm:captcha:captchaInput"), "a new CAPTCHA to type");

        assertRefused(v.logIn(id.substring(0, 17), Journey.PASSWORD, Journey.CAPTCHA, ""), "18位", id.substring(0, 17));
        assertRefused(v.logIn("<b>x</b>", "x", Journey.CAPTCHA, ""), "18位", "&lt;b&gt;x&lt;/b&gt;");
        assertRefused(v.logIn("' OR '1'='1", "x", Journey.CAPTCHA, ""), "18位", null);
        assertRefused(v.logIn(id, "x".repeat(10_000), Journey.CAPTCHA, ""), "再错误 3 次", id);
        assertEquals(302, v.logIn(id, Journey.PASSWORD, Journey.CAPTCHA, "").statusCode(), "not locked yet");
    }

    @Test
    void staffLogInOnTheirOwnFormOnly() throws Exception {
        Visitor admin = new Visitor();
        HttpResponse<String> ok = admin.staffLogIn("admin", "Demo@2026", "/admin/review");
        assertEquals(302, ok.statusCode());
        assertEquals(Browser.BASE_URL + "admin/review", location(ok));
        assertEquals(200, admin.get("admin/review").statusCode());
        // a candidate page is not where a staff login continues to
        assertEquals(Browser.BASE_URL + "admin/", location(new Visitor().staffLogIn("admin", "Demo@2026", "/candidate/profile")));

        String id = register();
        assertRefused(new Visitor().staffLogIn(id, Journey.PASSWORD, ""), "用户名或密码错误", id);
        Visitor candidate = new Visitor();
        candidate.logIn("11010519491231002X", "Demo@2026", Journey.CAPTCHA, "");
        assertEquals(403, candidate.get("admin/review").statusCode(), "a candidate session opens no admin page");
    }

    private static void assertRefused(HttpResponse<String> page, String message, String keptAccount) {
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = MESSAGE.matcher(page.body());
        assertTrue(m.find() && m.group(1).contains(message), "expected \"" + message + "\" in: "
                + (MESSAGE.matcher(page.body()).find() ? m.group(1) : page.body()));
        if (keptAccount != null) {
            Matcher field = Pattern.compile("name=\"loginForm:(?:idNumber|username)\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
            assertTrue(field.find(), "the account field");
            assertEquals(keptAccount, field.group(1), "the typed account is shown again");
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(no redirect, " + response.statusCode() + ")");
    }

    /** 注册 over HTTP; returns the new account's ID number. */
    private static String register() throws Exception {
        String id = TestData.idNumber();
        Visitor v = new Visitor();
        String page = v.get("register").body();
        v.get("captcha?form=register");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("registerForm", "registerForm");
        form.put("registerForm:idNumber", id);
        form.put("registerForm:password", Journey.PASSWORD);
        form.put("registerForm:confirmation", Journey.PASSWORD);
        form.put("registerForm:captcha:captchaInput", Journey.CAPTCHA);
        form.put("registerForm:terms_input", "on");
        form.put("registerForm:notice_input", "on");
        form.put("registerForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        HttpResponse<String> done = v.post("register", form);
        assertEquals(302, done.statusCode(), done.body());
        return id;
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertTrue(last != null, "a view state on the page");
        return last;
    }

    /** One browser without a browser: cookies, no redirects followed. */
    private static final class Visitor {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The candidate form as the page sends it, after loading the page and its CAPTCHA image. */
        HttpResponse<String> logIn(String id, String password, String captcha, String next) throws Exception {
            return submit("login", "login", "loginForm:idNumber", id, password, captcha, next);
        }

        HttpResponse<String> staffLogIn(String username, String password, String next) throws Exception {
            return submit("admin/login", "adminlogin", "loginForm:username", username, password, Journey.CAPTCHA, next);
        }

        private HttpResponse<String> submit(String path, String captchaForm, String accountField, String account,
                                            String password, String captcha, String next) throws Exception {
            String page = get(path).body();
            get("captcha?form=" + captchaForm);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("loginForm", "loginForm");
            form.put(accountField, account);
            form.put("loginForm:password", password);
            form.put("loginForm:captcha:captchaInput", captcha);
            form.put("loginForm:next", next);
            form.put("loginForm:submit", "");
            form.put("jakarta.faces.ViewState", viewState(page));
            return post(path, form);
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }
}
