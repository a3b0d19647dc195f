package org.kaowu.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 成绩查询 in a browser on the demo data (the test domain runs the demo seed: batch 2026S is over, its scores
 * are published): the public query (a stateless page posting to /query/score-answer) with and without a correct
 * CAPTCHA, the demo candidate's result with the ID masked, an unknown person, a bad ID number, in English and on a
 * phone; the answer endpoint's refusals over plain HTTP; the candidate's own page, and the admin page with an upload, an import and its
 * figures. Screenshots in ear/target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreJourneyIT extends BrowserJourney {

    private static final String BATCH = "2026 年上半年职业资格考试（已考完）";

    @Override
    protected int windowHeight() {
        return 1100;
    }

    @Test
    void anybodyQueriesPublishedScoresBehindACaptcha() {
        journey.open("");
        journey.click("navScore");
        journey.waitUrlContains("/query/score");
        assertEquals("stateless", ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.querySelector(\"input[name='jakarta.faces.ViewState']\").value"), "a stateless view");

        // nothing typed: told in the page, nothing sent
        journey.click("query");
        journey.waitText("请输入姓名");
        journey.waitText("请输入验证码");
        assertTrue(browser.findElement(By.id("name")).getAttribute("class").contains("ui-state-error"));

        query("张晓明", DEMO_CANDIDATE, "WRONG");
        journey.waitText("验证码不正确");
        assertFalse(browser.getPageSource().contains(BATCH), "no result without the CAPTCHA");
        Browser.screenshot(browser, "score-01-captcha-wrong");

        query("张晓明", DEMO_CANDIDATE, Journey.CAPTCHA);
        journey.waitText(BATCH);
        String page = browser.findElement(By.id("queryForm")).getText();
        assertTrue(page.contains("110105********002X"), page);
        assertFalse(browser.findElement(By.id("result-0")).getText().contains(DEMO_CANDIDATE), "the full ID number is never shown");
        assertTrue(page.contains("86.5") && page.contains("78.0") && page.contains("合格") && page.contains("正常"), page);
        assertTrue(browser.findElement(By.id("captchaInput")).getAttribute("value").isEmpty(), "the used code is cleared");
        assertTrue(browser.findElement(By.id("captchaImage")).getAttribute("src").startsWith("data:image/png;base64,"),
                "the next image came with the answer");
        Browser.screenshot(browser, "score-02-result");

        query("张晓明", TestData.idNumber(), Journey.CAPTCHA);
        journey.waitText("没有查到已发布的成绩");
        assertFalse(browser.getPageSource().contains("110105********002X"), "the earlier result is gone");
        Browser.screenshot(browser, "score-03-none");

        query("张晓明", "123", Journey.CAPTCHA);
        journey.waitText("身份证号格式不正确");
        assertTrue(browser.findElement(By.id("idNumber")).getAttribute("class").contains("ui-state-error"));
        Browser.screenshot(browser, "score-04-bad-id");

        // in English: the page, the answer's statuses and the messages
        journey.click("headerForm:language");
        journey.waitText("Score query");
        query("张晓明", DEMO_CANDIDATE, "WRONG");
        journey.waitText("The verification code is wrong");
        query("张晓明", DEMO_CANDIDATE, Journey.CAPTCHA);
        journey.waitText(BATCH);
        page = browser.findElement(By.id("queryForm")).getText();
        assertTrue(page.contains("Pass") && page.contains("Sat") && !page.contains("合格"), page);
        Browser.screenshot(browser, "score-05-english");
    }

    @Test
    void onAPhone() {
        WebDriver phone = Browser.open(390, 844);
        try {
            Journey j = new Journey(phone);
            j.open("query/score");
            j.type("name", "张晓明");
            j.type("idNumber", DEMO_CANDIDATE);
            j.type("captchaInput", Journey.CAPTCHA);
            j.click("query");
            j.waitText(BATCH);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) phone)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
            Browser.screenshot(phone, "score-06-phone");
        } finally {
            phone.quit();
        }
    }

    /** The lean endpoint itself: bad requests get a clear answer, never an HTTP 500 or a result. */
    @Test
    void theAnswerEndpointRefusesBadRequestsPlainly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = Browser.BASE_URL + "query/score-answer";
        // no session, so no challenge: a wrong CAPTCHA, whatever is typed
        HttpResponse<String> noSession = http.send(form(url, null, "name=%E5%BC%A0%E6%99%93%E6%98%8E&idNumber="
                + DEMO_CANDIDATE + "&captcha=" + Journey.CAPTCHA), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noSession.statusCode());
        assertTrue(noSession.body().contains("\"captcha.wrong\"") && noSession.body().contains("验证码不正确"), noSession.body());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        for (String body : new String[] {"", "captcha=", "name=%ZZ&idNumber=%&captcha=%E4", "a=" + "x".repeat(100_000),
                "name=" + "长".repeat(500) + "&idNumber=1&captcha=X", "\u0000\u0001"}) {
            HttpResponse<String> r = http.send(form(url, null, body), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(r.body().startsWith("{\"error\":") && !r.body().contains("results"), r.body());
        }
        // with a session and its image: a blank name and an over-long name are refused by name
        String cookie = image(http, null);
        HttpResponse<String> blank = http.send(form(url, cookie, "name=+&idNumber=" + DEMO_CANDIDATE + "&captcha="
                + Journey.CAPTCHA), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, blank.statusCode());
        assertTrue(blank.body().contains("query.score.nameRequired") && blank.body().contains("\"field\":\"name\""), blank.body());
        image(http, cookie);
        // asked for it as the page does (nextCaptcha=1), a refusal carries the next challenge's image too ...
        HttpResponse<String> tooLong = http.send(form(url, cookie, "name=" + "x".repeat(65) + "&idNumber="
                + DEMO_CANDIDATE + "&captcha=" + Journey.CAPTCHA + "&nextCaptcha=1"), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("query.score.nameInvalid")
                && tooLong.body().contains("\"captcha\":\"data:image/png;base64,iVBORw0KGgo"), tooLong.body());
        // ... and that challenge is the one that counts: answered without loading an image
        HttpResponse<String> next = http.send(form(url, cookie, "name=%E5%BC%A0%E6%99%93%E6%98%8E&idNumber="
                + DEMO_CANDIDATE + "&captcha=" + Journey.CAPTCHA), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("\"maskedId\":\"110105********002X\"") && !next.body().contains("\"captcha\""),
                next.body());
        // the same code again without a new image: the challenge was used up
        HttpResponse<String> replay = http.send(form(url, cookie, "name=x&idNumber=" + DEMO_CANDIDATE + "&captcha="
                + Journey.CAPTCHA), HttpResponse.BodyHandlers.ofString());
        assertTrue(replay.body().contains("captcha.wrong"), replay.body());
    }

    private void query(String name, String idNumber, String captcha) {
        journey.type("name", name);
        journey.type("idNumber", idNumber);
        journey.type("captchaInput", captcha);
        journey.click("query");
    }

    private static HttpRequest form(String url, String cookie, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    /** Loads a new CAPTCHA image in the session (a new one when cookie is null); the session cookie. */
    private static String image(HttpClient http, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "captcha?form=score"));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return cookie != null ? cookie : r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void theCandidateSeesOwnScoresAndStaffImportAFile() throws Exception {
        journey.open("login");
        journey.logIn(DEMO_CANDIDATE, DEMO_PASSWORD);
        journey.waitUrlContains("/candidate/");
        journey.click("menuScores");
        journey.waitText(BATCH);
        journey.waitText("财务会计类");
        Browser.screenshot(browser, "score-07-candidate");

        WebDriver staff = Browser.open(1400, 1100);
        try {
            Journey admin = new Journey(staff);
            admin.logInStaff("operator");
            admin.click("navScoresOperator");
            admin.waitText("成绩管理");
            admin.choose("batchForm:batch", "2026S");
            admin.waitText("已发布");
            admin.waitText("2026S-成绩.csv");
            Browser.screenshot(staff, "score-08-admin-published");

            // a file for batch 2026A, whose candidates have no tickets: every line is rejected with its reason
            admin.choose("batchForm:batch", "2026A");
            admin.waitText("未发布");
            // a file over 256 MB is refused in the page before a byte is sent (sparse: nothing is written to disk)
            Path huge = Files.createTempFile("huge", ".csv");
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                f.setLength(256L * 1024 * 1024 + 1);
            }
            staff.findElement(By.id("scoreFile")).sendKeys(huge.toAbsolutePath().toString());
            admin.waitText("文件超过 256 MB，未上传");
            Browser.screenshot(staff, "score-08b-admin-too-large");
            admin.click("uploadButton");
            assertTrue(staff.findElement(By.id("uploadProblem")).isDisplayed());
            assertFalse(staff.findElement(By.id("uploadProgress")).isDisplayed(), "nothing is sent");
            assertFalse(staff.getCurrentUrl().contains("uploaded=") || staff.getCurrentUrl().contains("error="), staff.getCurrentUrl());
            Files.delete(huge);

            Path file = Files.createTempFile("scores", ".csv");
            Files.writeString(file, "\uFEFF准考证号,身份证号,姓名,科目,成绩,状态\r\n"
                    + "260001,11010519491231002X,张晓明,A01,80,正常\r\n"
                    + "260002,11010519491231002X,张晓明,A01,=1+1,正常\r\n"
                    + "\r\n".repeat(150_000), StandardCharsets.UTF_8);   // 300 KB of blank lines, which the import skips
            staff.findElement(By.id("scoreFile")).sendKeys(file.toAbsolutePath().toString());
            assertFalse(staff.findElement(By.id("uploadProblem")).isDisplayed(), "a file within the limit clears the message");
            // a slow line (64 KB/s up): the upload shows its progress on the way
            HasNetworkConditions network = (HasNetworkConditions) staff;
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setUploadThroughput(64 * 1024);
            slow.setDownloadThroughput(10 * 1024 * 1024);
            slow.setLatency(Duration.ofMillis(5));
            // the line drops: the page says so and lets the operator try again; nothing was stored
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            network.setNetworkConditions(offline);
            try {
                admin.click("uploadButton");
                admin.waitText("文件未能保存，请稍后重试。");
                assertTrue(staff.findElement(By.id("uploadButton")).isEnabled(), "the button is back");
                assertFalse(staff.findElement(By.id("uploadProgress")).isDisplayed());
            } finally {
                network.deleteNetworkConditions();
            }
            network.setNetworkConditions(slow);
            try {
                admin.click("uploadButton");
                new org.openqa.selenium.support.ui.WebDriverWait(staff, Journey.WAIT).pollingEvery(Duration.ofMillis(100))
                        .until(d -> {
                            WebElement bar = d.findElement(By.id("uploadProgress"));
                            int percent = Integer.parseInt(bar.getAttribute("aria-valuenow"));
                            return bar.isDisplayed() && percent > 0 && percent < 100;
                        });
                Browser.screenshot(staff, "score-08c-admin-uploading");
                assertFalse(staff.findElement(By.id("uploadButton")).isEnabled(), "no second upload meanwhile");
                admin.waitText("文件已上传");
            } finally {
                network.deleteNetworkConditions();
            }
            assertTrue(staff.getCurrentUrl().contains("uploaded="), "the page the upload's redirect named: " + staff.getCurrentUrl());
            new org.openqa.selenium.support.ui.WebDriverWait(staff, Journey.WAIT)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        d.findElement(By.xpath("//tr[td[contains(., 'scores')]]//button[contains(., '开始导入')]")).click();
                        return true;
                    });
            admin.waitText("已完成");
            admin.waitText("拒收 2");
            Browser.screenshot(staff, "score-09-admin-imported");

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
