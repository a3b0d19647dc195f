package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern MESSAGE = Pattern.compile("ui-messages-error-summary\">([^<]*)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    @Test
    void aLoginRedirectsWithANewSessionToTheSameAreaOnly() throws Exception {
        String id = HttpVisitor.register(Journey.PASSWORD);
        HttpVisitor v = new HttpVisitor();
        v.get("login");
        String before = v.session();
        HttpResponse<String> ok = v.logIn(id, Journey.PASSWORD, Journey.CAPTCHA, "");
        assertEquals(302, ok.statusCode());
        assertEquals(Browser.BASE_URL + "candidate/profile", location(ok));
        assertNotEquals(before, v.session(), "a login gives the session a new id");
        assertEquals(200, v.get("candidate/security").statusCode());

        assertEquals(Browser.BASE_URL + "candidate/exams", location(new HttpVisitor().logIn(id, Journey.PASSWORD, Journey.CAPTCHA, "/candidate/exams")));
        for (String elsewhere : new String[] {"/admin/", "//evil.example/", "https://evil.example/", "/candidate/\r\nX: y"}) {
            assertEquals(Browser.BASE_URL + "candidate/profile",
                    location(new HttpVisitor().logIn(id, Journey.PASSWORD, Journey.CAPTCHA, elsewhere)), elsewhere);
        }
    }

    @Test
    void refusalsShowTheirMessageKeepTheIdAndCountOnlyRealAttempts() throws Exception {
        String id = HttpVisitor.register(Journey.PASSWORD);
        HttpVisitor v = new HttpVisitor();
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
        HttpVisitor admin = new HttpVisitor();
        HttpResponse<String> ok = admin.staffLogIn("admin", BrowserJourney.DEMO_PASSWORD, "/admin/review");
        assertEquals(302, ok.statusCode());
        assertEquals(Browser.BASE_URL + "admin/review", location(ok));
        assertEquals(200, admin.get("admin/review").statusCode());
        // a candidate page is not where a staff login continues to
        assertEquals(Browser.BASE_URL + "admin/", location(new HttpVisitor().staffLogIn("admin", BrowserJourney.DEMO_PASSWORD, "/candidate/profile")));

        String id = HttpVisitor.register(Journey.PASSWORD);
        assertRefused(new HttpVisitor().staffLogIn(id, Journey.PASSWORD, ""), "用户名或密码错误", id);
        HttpVisitor candidate = new HttpVisitor();
        candidate.logIn(BrowserJourney.DEMO_CANDIDATE, BrowserJourney.DEMO_PASSWORD, Journey.CAPTCHA, "");
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
}
