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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 成绩查询 in a browser on the demo data (the test domain runs the demo seed: batch 2026S is over, its scores
 * are published): the public query with and without a correct CAPTCHA, the demo candidate's result with the ID
 * masked, an unknown person, the candidate's own page, and the admin page with an upload, an import and its
 * figures. Screenshots in ear/target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreJourneyIT {

    private static final String DEMO_CANDIDATE = "11010519491231002X";
    private static final String BATCH = "2026 年上半年职业资格考试（已考完）";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver browser;
    private Journey journey;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 1100);
        journey = new Journey(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anybodyQueriesPublishedScoresBehindACaptcha() {
        journey.open("");
        journey.click("navScore");
        journey.waitUrlContains("/query/score");
        journey.type("queryForm:name", "张晓明");
        journey.type("queryForm:idNumber", DEMO_CANDIDATE);
        journey.type("queryForm:captcha:captchaInput", "WRONG");
        journey.click("queryForm:query");
        journey.waitText("验证码不正确");
        assertFalse(browser.getPageSource().contains(BATCH), "no result without the CAPTCHA");
        Browser.screenshot(browser, "score-01-captcha-wrong");

        journey.type("queryForm:captcha:captchaInput", Journey.CAPTCHA);
        journey.click("queryForm:query");
        journey.waitText(BATCH);
        String page = browser.findElement(By.id("queryForm")).getText();
        assertTrue(page.contains("110105********002X"), page);
        assertFalse(browser.findElement(By.id("result-0")).getText().contains(DEMO_CANDIDATE), "the full ID number is never shown");
        assertTrue(page.contains("86.5") && page.contains("78.0") && page.contains("合格") && page.contains("正常"), page);
        Browser.screenshot(browser, "score-02-result");

        journey.type("queryForm:name", "张晓明");
        journey.type("queryForm:idNumber", TestData.idNumber());
        journey.type("queryForm:captcha:captchaInput", Journey.CAPTCHA);
        journey.click("queryForm:query");
        journey.waitText("没有查到已发布的成绩");
        Browser.screenshot(browser, "score-03-none");

        journey.type("queryForm:name", "张晓明");
        journey.type("queryForm:idNumber", "123");
        journey.type("queryForm:captcha:captchaInput", Journey.CAPTCHA);
        journey.click("queryForm:query");
        journey.waitText("身份证号格式不正确");
        Browser.screenshot(browser, "score-04-bad-id");
    }

    @Test
    void theCandidateSeesOwnScoresAndStaffImportAFile() throws Exception {
        journey.open("login");
        journey.logIn(DEMO_CANDIDATE, "Demo@2026");
        journey.waitUrlContains("/candidate/");
        journey.click("menuScores");
        journey.waitText(BATCH);
        journey.waitText("财务会计类");
        Browser.screenshot(browser, "score-05-candidate");

        WebDriver staff = Browser.open(1400, 1100);
        try {
            Journey admin = new Journey(staff);
            admin.logInStaff("operator");
            admin.click("navScoresOperator");
            admin.waitText("成绩管理");
            admin.choose("batchForm:batch", "2026S");
            admin.waitText("已发布");
            admin.waitText("2026S-成绩.csv");
            Browser.screenshot(staff, "score-06-admin-published");

            // a file for batch 2026A, whose candidates have no tickets: every line is rejected with its reason
            admin.choose("batchForm:batch", "2026A");
            admin.waitText("未发布");
            Path file = Files.createTempFile("scores", ".csv");
            Files.writeString(file, "\uFEFF准考证号,身份证号,姓名,科目,成绩,状态\r\n"
                    + "260001,11010519491231002X,张晓明,A01,80,正常\r\n"
                    + "260002,11010519491231002X,张晓明,A01,=1+1,正常\r\n", StandardCharsets.UTF_8);
            staff.findElement(By.id("scoreFile")).sendKeys(file.toAbsolutePath().toString());
            admin.click("uploadButton");
            admin.waitText("文件已上传");
            new org.openqa.selenium.support.ui.WebDriverWait(staff, Journey.WAIT)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        d.findElement(By.xpath("//tr[td[contains(., 'scores')]]//button[contains(., '开始导入')]")).click();
                        return true;
                    });
            admin.waitText("已完成");
            admin.waitText("拒收 2");
            Browser.screenshot(staff, "score-07-admin-imported");

            String rejected = staff.findElement(By.xpath("//tr[td[contains(., 'scores')]]//a[contains(., '下载拒收行')]"))
                    .getAttribute("href");
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rejected))
                    .header("Cookie", admin.cookies()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, csv.statusCode());
            assertTrue(csv.body().contains("准考证号在本批次中不存在") && csv.body().contains("\"'=1+1\""), csv.body());

            // the candidate (another session) cannot reach the staff page or files
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rejected))
                    .header("Cookie", journey.cookies()).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() == 403 || refused.body().contains("staff") || !refused.body().contains("准考证号"),
                    "status " + refused.statusCode());
        } finally {
            staff.quit();
        }
    }
}
