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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journeys of manual sections 1, 2, 8 and 9 in a real browser: register, log in, change the password,
 * log out, log in again; the bad paths a person hits; staff login and the message log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountJourneyIT {

    private static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    private static final String PASSWORD = "Kaoshi2026";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 1000);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void registerLogInChangePasswordLogOutAndBack() {
        String id = TestData.idNumber();

        browser.get(Browser.BASE_URL + "register");
        type("registerForm:idNumber", id);
        type("registerForm:password", PASSWORD);
        type("registerForm:confirmation", PASSWORD);
        type("registerForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("registerForm:showTerms")).click();
        waitVisible(By.id("termsText"));
        assertTrue(browser.findElement(By.id("termsText")).getText().contains("省考试中心"));
        browser.findElement(By.cssSelector("#termsDialog .ui-dialog-titlebar-close")).click();
        tick("registerForm:terms");
        tick("registerForm:notice");
        Browser.screenshot(browser, "account-01-register");
        browser.findElement(By.id("registerForm:submit")).click();

        waitUrlEndsWith("/login");
        waitText("注册成功");
        Browser.screenshot(browser, "account-02-registered");

        logIn(id, PASSWORD);
        waitUrlEndsWith("/candidate/profile");
        assertEquals(id, browser.findElement(By.id("account")).getText());
        Browser.screenshot(browser, "account-03-logged-in");

        browser.findElement(By.id("menuSecurity")).click();
        waitUrlEndsWith("/candidate/security");
        type("securityForm:oldPassword", PASSWORD);
        type("securityForm:password", "Changed2026");
        type("securityForm:confirmation", "Changed2026");
        browser.findElement(By.id("securityForm:submit")).click();
        waitText("密码修改成功");
        Browser.screenshot(browser, "account-04-password-changed");

        browser.findElement(By.id("headerForm:logout")).click();
        waitVisible(By.id("navLogin"));
        browser.get(Browser.BASE_URL + "candidate/security");
        waitUrlContains("/login?next=");

        logIn(id, PASSWORD);
        waitText("账号或密码错误"); // the old password no longer works
        logIn(id, "Changed2026");
        waitUrlEndsWith("/candidate/security"); // back where the visitor wanted to go
    }

    @Test
    void badInputShowsSpecificMessagesAndCreatesNothing() {
        String id = TestData.idNumber();
        browser.get(Browser.BASE_URL + "register");
        type("registerForm:idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        type("registerForm:password", "123456");
        type("registerForm:confirmation", "123456");
        type("registerForm:captcha:captchaInput", "WRONG");
        tick("registerForm:terms");
        tick("registerForm:notice");
        browser.findElement(By.id("registerForm:submit")).click();
        waitText("验证码不正确");

        type("registerForm:idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        type("registerForm:password", "123456");
        type("registerForm:confirmation", "123456");
        type("registerForm:captcha:captchaInput", CAPTCHA);
        tick("registerForm:terms");
        tick("registerForm:notice");
        browser.findElement(By.id("registerForm:submit")).click();
        waitText("校验位");
        Browser.screenshot(browser, "account-05-bad-id");

        type("registerForm:idNumber", id);
        type("registerForm:password", "123456");
        type("registerForm:confirmation", "123456");
        type("registerForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("registerForm:submit")).click();
        waitText("服务条款"); // terms not ticked

        browser.get(Browser.BASE_URL + "login");
        logIn(id, "123456");
        waitText("账号或密码错误"); // no account was created

        browser.get(Browser.BASE_URL + "forgot-password");
        type("resetForm:idNumber", id);
        type("resetForm:mobile", TestData.mobile());
        type("resetForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("resetForm:send")).click();
        waitText("号码不符");
        Browser.screenshot(browser, "account-06-number-mismatch");
    }

    @Test
    void staffLogInSeeTheMessageLogAndCandidatesCannot() {
        browser.get(Browser.BASE_URL + "admin/messages");
        waitUrlContains("/admin/login");
        type("loginForm:username", "admin");
        type("loginForm:password", "Demo@2026");
        type("loginForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("loginForm:submit")).click();
        waitUrlEndsWith("/admin/messages");
        assertEquals("admin", browser.findElement(By.id("navUser")).getText());
        Browser.screenshot(browser, "account-07-admin-messages");

        browser.findElement(By.id("headerForm:logout")).click();
        waitUrlEndsWith("/");

        // a candidate session is no key to the admin side
        String id = TestData.idNumber();
        browser.get(Browser.BASE_URL + "register");
        type("registerForm:idNumber", id);
        type("registerForm:password", PASSWORD);
        type("registerForm:confirmation", PASSWORD);
        type("registerForm:captcha:captchaInput", CAPTCHA);
        tick("registerForm:terms");
        tick("registerForm:notice");
        browser.findElement(By.id("registerForm:submit")).click();
        waitUrlEndsWith("/login");
        logIn(id, PASSWORD);
        waitUrlEndsWith("/candidate/profile");
        browser.get(Browser.BASE_URL + "admin/messages");
        waitText("无权访问");
    }

    private void logIn(String id, String password) {
        type("loginForm:idNumber", id);
        type("loginForm:password", password);
        type("loginForm:captcha:captchaInput", CAPTCHA);
        browser.findElement(By.id("loginForm:submit")).click();
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void tick(String id) {
        var box = browser.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box"));
        if (!box.getAttribute("class").contains("ui-state-active")) {
            box.click();
        }
    }

    private void waitText(String text) {
        // the page may be mid-navigation: read it whole each time and retry on any driver hiccup
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(d -> String.valueOf(((JavascriptExecutor) d)
                        .executeScript("return document.body ? document.body.innerText : ''")).contains(text));
    }

    private void waitVisible(By by) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitUrlEndsWith(String suffix) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    private void waitUrlContains(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    }
}
