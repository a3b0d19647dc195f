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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a visitor sees first: the home page in Chinese, the English switch, friendly errors, health. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomePageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void homePageIsChineseAndSwitchesToEnglish() {
        browser.get(Browser.BASE_URL);
        assertEquals("欢迎使用考试报名系统", browser.findElement(By.id("welcome")).getText());
        assertEquals("登录", browser.findElement(By.id("navLogin")).getText());
        assertEquals("注册", browser.findElement(By.id("navRegister")).getText());
        assertEquals("成绩查询", browser.findElement(By.id("navScore")).getText());
        assertEquals("证书查询", browser.findElement(By.id("navCertificate")).getText());
        Browser.screenshot(browser, "home-zh");

        browser.findElement(By.id("headerForm:language")).click();
        new Journey(browser).waitText("Welcome to Exam Registration"); // the switch reloads the page
        assertEquals("Welcome to Exam Registration", browser.findElement(By.id("welcome")).getText());
        assertEquals("Log in", browser.findElement(By.id("navLogin")).getText());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        Browser.screenshot(browser, "home-en");

        // the choice sticks for the session, and switches back
        browser.get(Browser.BASE_URL);
        assertEquals("Welcome to Exam Registration", browser.findElement(By.id("welcome")).getText());
        browser.findElement(By.id("headerForm:language")).click();
        new Journey(browser).waitText("欢迎使用考试报名系统");
        assertEquals("欢迎使用考试报名系统", browser.findElement(By.id("welcome")).getText());
    }

    @Test
    void homePageFitsAPhone() {
        WebDriver phone = Browser.open(390, 844);
        try {
            phone.get(Browser.BASE_URL);
            assertEquals("欢迎使用考试报名系统", phone.findElement(By.id("welcome")).getText());
            Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) phone)
                    .executeScript("return document.documentElement.scrollWidth");
            Number clientWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) phone)
                    .executeScript("return document.documentElement.clientWidth");
            assertTrue(scrollWidth.intValue() <= clientWidth.intValue(), "no horizontal scrolling on a phone");
            Browser.screenshot(phone, "home-phone");
        } finally {
            phone.quit();
        }
    }

    @Test
    void unknownPageShowsTheFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> response = get("no/such/page");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("页面不存在"), response.body());
        assertFalse(response.body().matches("(?s).*\\.java:\\d+\\).*"), "no stack trace on a page");

        browser.get(Browser.BASE_URL + "no/such/page");
        assertEquals("页面不存在", browser.findElement(By.id("errorTitle")).getText());
        Browser.screenshot(browser, "not-found");
    }

    @Test
    void healthReportsTheDatabase() throws Exception {
        HttpResponse<String> response = get("health");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"database\",\"status\":\"UP\""), response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
