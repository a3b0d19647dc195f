package org.kaowu.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journeys of manual sections 1, 2, 8 and 9 in a real browser: register, log in, change the password,
 * log out, log in again; the bad paths a person hits; staff login and the message log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountJourneyIT extends BrowserJourney {

    private static final String CAPTCHA = Journey.CAPTCHA;
    private static final String PASSWORD = Journey.PASSWORD;

    @Test
    void registerLogInChangePasswordLogOutAndBack() {
        String id = TestData.idNumber();

        browser.get(Browser.BASE_URL + "register");
        journey.type("registerForm:idNumber", id);
        journey.type("registerForm:password", PASSWORD);
        journey.type("registerForm:confirmation", PASSWORD);
        journey.type("registerForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("registerForm:showTerms")).click();
        journey.waitVisible("termsText");
        assertTrue(browser.findElement(By.id("termsText")).getText().contains("省考试中心"));
        browser.findElement(By.cssSelector("#termsDialog .ui-dialog-titlebar-close")).click();
        journey.tick("registerForm:terms");
        journey.tick("registerForm:notice");
        Browser.screenshot(browser, "account-01-register");
        browser.findElement(By.id("registerForm:submit")).click();

        journey.waitUrlEndsWith("/login");
        journey.waitText("注册成功");
        Browser.screenshot(browser, "account-02-registered");

        journey.logIn(id, PASSWORD);
        journey.waitUrlEndsWith("/candidate/profile");
        assertEquals(id, browser.findElement(By.id("account")).getText());
        Browser.screenshot(browser, "account-03-logged-in");

        browser.findElement(By.id("menuSecurity")).click();
        journey.waitUrlEndsWith("/candidate/security");
        journey.type("securityForm:oldPassword", PASSWORD);
        journey.type("securityForm:password", "Changed2026");
        journey.type("securityForm:confirmation", "Changed2026");
        browser.findElement(By.id("securityForm:submit")).click();
        journey.waitText("密码修改成功");
        Browser.screenshot(browser, "account-04-password-changed");

        browser.findElement(By.id("headerForm:logout")).click();
        journey.waitVisible("navLogin");
        browser.get(Browser.BASE_URL + "candidate/security");
        journey.waitUrlContains("/login?next=");

        journey.logIn(id, PASSWORD);
        journey.waitText("账号或密码错误"); // the old password no longer works
        Browser.screenshot(browser, "account-04b-refused-login");
        journey.logIn(id, "Changed2026");
        journey.waitUrlEndsWith("/candidate/security"); // back where the visitor wanted to go
    }

    @Test
    void badInputShowsSpecificMessagesAndCreatesNothing() {
        String id = TestData.idNumber();
        browser.get(Browser.BASE_URL + "register");
        journey.type("registerForm:idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        journey.type("registerForm:password", "123456");
        journey.type("registerForm:confirmation", "123456");
        journey.type("registerForm:captcha:captchaInput", "WRONG");
        journey.tick("registerForm:terms");
        journey.tick("registerForm:notice");
        browser.findElement(By.id("registerForm:submit")).click();
        journey.waitText("验证码不正确");

        journey.type("registerForm:idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        journey.type("registerForm:password", "123456");
        journey.type("registerForm:confirmation", "123456");
        journey.type("registerForm:captcha:captchaInput", CAPTCHA);
        journey.tick("registerForm:terms");
        journey.tick("registerForm:notice");
        browser.findElement(By.id("registerForm:submit")).click();
        journey.waitText("校验位");
        Browser.screenshot(browser, "account-05-bad-id");

        // a fresh form with everything right but the two boxes left unticked
        browser.get(Browser.BASE_URL + "register");
        journey.type("registerForm:idNumber", id);
        journey.type("registerForm:password", PASSWORD);
        journey.type("registerForm:confirmation", PASSWORD);
        journey.type("registerForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("registerForm:submit")).click();
        journey.waitText("请先阅读并勾选同意"); // the page names 服务条款 before the answer too: wait for the message

        browser.get(Browser.BASE_URL + "login");
        journey.logIn(id, PASSWORD);
        journey.waitText("账号或密码错误"); // no account was created

        browser.get(Browser.BASE_URL + "forgot-password");
        journey.type("resetForm:idNumber", id);
        journey.type("resetForm:mobile", TestData.mobile());
        journey.type("resetForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("resetForm:send")).click();
        journey.waitText("号码不符");
        Browser.screenshot(browser, "account-06-number-mismatch");
    }

    /**
     * 忘记密码 end to end: the SMS code is read where a demo operator reads it, in the admin message log,
     * then the new password works and the old one no longer does.
     */
    @Test
    void forgottenPasswordIsResetWithTheSmsCodeFromTheMessageLog() {
        String id = TestData.idNumber();
        String mobile = TestData.mobile();
        journey.registerAndLogIn(id);
        journey.completeProfile(mobile);
        browser.findElement(By.id("headerForm:logout")).click();
        journey.waitVisible("navLogin");

        journey.open("forgot-password");
        journey.type("resetForm:idNumber", id);
        journey.type("resetForm:mobile", mobile);
        journey.type("resetForm:captcha:captchaInput", CAPTCHA);
        journey.click("resetForm:send");
        journey.waitText("验证码已发送");
        Browser.screenshot(browser, "account-08-code-sent");

        String code;
        WebDriver admin = Browser.open(1280, 1000);
        try {
            Journey staff = new Journey(admin);
            staff.open("admin/login");
            staff.type("loginForm:username", "admin");
            staff.type("loginForm:password", DEMO_PASSWORD);
            staff.type("loginForm:captcha:captchaInput", CAPTCHA);
            staff.click("loginForm:submit");
            staff.waitUrlEndsWith("/admin/");
            staff.open("admin/messages");
            staff.type("messagesForm:recipient", mobile);
            staff.click("messagesForm:search");
            staff.waitText("找回考试报名系统的登录密码");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码 (\\d{6})")
                    .matcher(admin.findElement(By.tagName("body")).getText());
            assertTrue(m.find(), "the SMS with the code is in the log");
            code = m.group(1);
            Browser.screenshot(admin, "account-09-code-in-message-log");
        } finally {
            admin.quit();
        }

        journey.type("resetForm:code", code);
        journey.click("resetForm:next");
        journey.waitVisible("resetForm:password");
        journey.type("resetForm:password", "Renewed2026");
        journey.type("resetForm:confirmation", "Renewed2026");
        journey.click("resetForm:reset");
        journey.waitUrlEndsWith("/login");
        journey.waitText("密码已重置");
        Browser.screenshot(browser, "account-10-password-reset");

        journey.logIn(id, PASSWORD);
        journey.waitText("账号或密码错误");
        journey.logIn(id, "Renewed2026");
        journey.waitUrlEndsWith("/candidate/profile");
    }

    @Test
    void staffLogInSeeTheMessageLogAndCandidatesCannot() {
        browser.get(Browser.BASE_URL + "admin/messages");
        journey.waitUrlContains("/admin/login");
        journey.type("loginForm:username", "admin");
        journey.type("loginForm:password", DEMO_PASSWORD);
        journey.type("loginForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("loginForm:submit")).click();
        journey.waitUrlEndsWith("/admin/messages");
        assertEquals("admin", browser.findElement(By.id("navUser")).getText());
        Browser.screenshot(browser, "account-07-admin-messages");

        browser.findElement(By.id("headerForm:logout")).click();
        journey.waitUrlEndsWith("/");

        // a candidate session is no key to the admin side
        journey.registerAndLogIn(TestData.idNumber());
        browser.get(Browser.BASE_URL + "admin/messages");
        journey.waitText("无权访问");
    }
}
