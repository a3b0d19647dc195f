package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
class AccountJourneyIT {

    private static final String CAPTCHA = Journey.CAPTCHA;
    private static final String PASSWORD = Journey.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver browser;
    private Journey journey;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 1000);
        journey = new Journey(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

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

        journey.type("registerForm:idNumber", id);
        journey.type("registerForm:password", "123456");
        journey.type("registerForm:confirmation", "123456");
        journey.type("registerForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("registerForm:submit")).click();
        journey.waitText("服务条款"); // terms not ticked

        browser.get(Browser.BASE_URL + "login");
        journey.logIn(id, "123456");
        journey.waitText("账号或密码错误"); // no account was created

        browser.get(Browser.BASE_URL + "forgot-password");
        journey.type("resetForm:idNumber", id);
        journey.type("resetForm:mobile", TestData.mobile());
        journey.type("resetForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("resetForm:send")).click();
        journey.waitText("号码不符");
        Browser.screenshot(browser, "account-06-number-mismatch");
    }

    @Test
    void staffLogInSeeTheMessageLogAndCandidatesCannot() {
        browser.get(Browser.BASE_URL + "admin/messages");
        journey.waitUrlContains("/admin/login");
        journey.type("loginForm:username", "admin");
        journey.type("loginForm:password", "Demo@2026");
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
