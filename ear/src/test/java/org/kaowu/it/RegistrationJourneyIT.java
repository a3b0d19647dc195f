package org.kaowu.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manual section 4 in a browser: from 考试报名 through the three steps to 待审核, the 报名表 PDF rendered to
 * an image, 报名记录, and another candidate's registration refused. Uses the demo batch 2026A (the test
 * domain runs the demo seed), taking one of its 200 seats per run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationJourneyIT extends BrowserJourney {

    private static final String DEMO_BATCH = "2026 年下半年专业技术资格考试";

    @Test
    void fromTheBatchListToAwaitingReview() throws Exception {
        String id = TestData.idNumber();
        journey.registerAndLogIn(id);

        // with an incomplete profile step 1 says what is missing and cannot be passed
        journey.open("candidate/exams");
        journey.waitText(DEMO_BATCH);
        browser.findElement(By.xpath("//tr[td[contains(., '" + DEMO_BATCH + "')]]//*[contains(@class,'kw-apply')]/descendant-or-self::a")).click();
        journey.waitText("确认人员信息");
        assertTrue(journey.text("missing").contains("个人证件照"), journey.text("missing"));
        Browser.screenshot(browser, "registration-01-incomplete");

        journey.open("candidate/profile");
        journey.completeProfile(TestData.mobile());

        journey.open("candidate/exams");
        Browser.screenshot(browser, "registration-02-batches");
        browser.findElement(By.xpath("//tr[td[contains(., '" + DEMO_BATCH + "')]]//*[contains(@class,'kw-apply')]/descendant-or-self::a")).click();
        journey.waitText("确认人员信息");
        Browser.screenshot(browser, "registration-03-step1");
        journey.click("applyForm:confirmPerson");

        journey.waitVisible("applyForm:site");
        journey.choose("applyForm:site", "杭州市第一考点");
        journey.tickOption("applyForm:positions", 0);
        Browser.screenshot(browser, "registration-04-step2");
        journey.click("applyForm:confirmChoice");

        journey.waitVisible("formPreview");
        Browser.screenshot(browser, "registration-05-step3");
        String formUrl = browser.findElement(By.id("formPreview")).getAttribute("src");
        Path pdf = savePdf(formUrl, "registration-form");
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4));
        renderFirstPage(pdf, "registration-06-form-pdf");

        journey.click("applyForm:submit");
        journey.waitVisible("applyForm:confirmYes");
        journey.click("applyForm:confirmYes");
        journey.waitUrlContains("/candidate/registration?id=");
        journey.waitText("待审核");
        assertEquals("待审核", journey.text("status"));
        Browser.screenshot(browser, "registration-07-submitted");
        String registrationUrl = browser.getCurrentUrl();

        journey.open("candidate/registrations");
        journey.waitText(DEMO_BATCH);
        Browser.screenshot(browser, "registration-08-list");

        // another candidate asking for this registration or its PDF gets nothing
        WebDriver other = Browser.open(1280, 900);
        try {
            Journey stranger = new Journey(other);
            stranger.registerAndLogIn(TestData.idNumber());
            other.get(registrationUrl);
            Browser.screenshot(other, "registration-09-stranger");
            stranger.waitText("报名记录不存在");
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(formUrl))
                    .header("Cookie", stranger.cookies()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(404, response.statusCode());
        } finally {
            other.quit();
        }
    }

    private Path savePdf(String url, String name) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", journey.cookies()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        Path dir = Path.of(System.getProperty("kaowu.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name + ".pdf"), response.body());
    }

    /** pdftoppm (poppler-utils) turns page 1 into a PNG next to the screenshots, for people to look at. */
    private static void renderFirstPage(Path pdf, String name) throws Exception {
        Path prefix = pdf.resolveSibling(name);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-singlefile", pdf.toString(), prefix.toString())
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftoppm failed");
        assertTrue(Files.size(prefix.resolveSibling(name + ".png")) > 0);
    }
}
