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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manual section 7 in a browser, on the demo data (the seed publishes 2026S's pass list and numbers it): the demo
 * candidate finds the certificate under 我的证书 and downloads the PDF; an employer checks it at 证书查询 by the
 * verification code (typed sloppily), by the QR code's URL, and mistypes it; another candidate's PDF is a 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateJourneyIT extends BrowserJourney {

    @Test
    void anEmployerVerifiesTheDemoCertificateByItsCode() throws Exception {
        journey.open("login");
        journey.logIn(DEMO_CANDIDATE, DEMO_PASSWORD);
        journey.waitUrlContains("/candidate/");
        journey.click("menuCertificates");
        journey.waitText("已获证书");
        String number = browser.findElement(By.cssSelector("#certificate-0 .kw-cert-number")).getText();
        String code = browser.findElement(By.cssSelector("#certificate-0 .kw-cert-code")).getText();
        assertTrue(number.matches("332026(A01|B02)\\d{6}"), number);
        Browser.screenshot(browser, "certificate-01-mine");
        String pdfUrl = browser.findElement(By.cssSelector("#certificate-0 a")).getAttribute("href");
        HttpResponse<byte[]> pdf = get(pdfUrl, journey.cookies());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        Path file = save(pdf.body(), "certificate-02-pdf");
        render(file, "certificate-02-pdf");
        assertEquals(404, get(Browser.BASE_URL + "candidate/certificate-pdf?id=abc", journey.cookies()).statusCode());
        assertEquals(404, get(Browser.BASE_URL + "candidate/certificate-pdf?id=-5", journey.cookies()).statusCode());

        WebDriver employer = Browser.open(1280, 1000);
        try {
            Journey e = new Journey(employer);
            e.open("");
            e.click("navCertificate");
            e.waitUrlContains("/query/certificate");
            e.type("codeForm:code", " " + code.toLowerCase().replace("-", " ") + " ");
            e.click("codeForm:check");
            e.waitText("真实有效");
            assertEquals(number, employer.findElement(By.cssSelector("#certificate-0 .kw-cert-number")).getText());
            assertEquals("110105********002X", employer.findElement(By.cssSelector("#certificate-0 .kw-cert-id")).getText());
            assertFalse(employer.getPageSource().contains(DEMO_CANDIDATE), "never the full ID number");
            Browser.screenshot(employer, "certificate-03-verified-by-code");

            char first = code.charAt(0) == '2' ? '3' : '2';
            employer.findElement(By.id("codeForm:code")).clear();
            e.type("codeForm:code", first + code.substring(1));
            e.click("codeForm:check");
            e.waitText("证书验证码格式不正确");
            assertTrue(employer.findElements(By.cssSelector("#certificate-0")).isEmpty());
            Browser.screenshot(employer, "certificate-04-mistyped");

            employer.get(Browser.BASE_URL + "query/certificate?code=" + code);
            e.waitText("真实有效");
            Browser.screenshot(employer, "certificate-05-qr-link");

            employer.get(Browser.BASE_URL + "query/pass-list?batch=abc");
            e.waitText("没有找到已发布的合格名单");
            Browser.screenshot(employer, "certificate-06-pass-list-bad-id");
        } finally {
            employer.quit();
        }
    }

    @Test
    void theAdminSeesThePassListAndTheNumberingOf2026S() {
        journey.logInStaff("admin");
        journey.click("navCertificates");
        journey.waitText("证书管理");
        journey.choose("batchForm:batch", "2026S");
        journey.waitUrlContains("batch=");
        journey.waitText("已发证书");
        // 2026S: 张晓明 passes both subjects, 李文静 one, 王建国 one (absent in the other)
        assertEquals("4", browser.findElement(By.id("passerCount")).getText());
        assertEquals("4", browser.findElement(By.id("certificateCount")).getText());
        assertEquals("0", browser.findElement(By.id("unnumberedCount")).getText());
        assertTrue(browser.findElement(By.id("passListState")).getText().contains("已发布"));
        assertTrue(browser.findElement(By.id("certificatesForm:start")).getAttribute("class").contains("ui-state-disabled"),
                "nothing left to number");
        Browser.screenshot(browser, "certificate-07-admin");
        browser.findElement(By.id("publicList")).click();
        journey.waitText("合格名单");
        journey.waitText("110105********002X");
        assertFalse(browser.getPageSource().contains(DEMO_CANDIDATE), "never the full ID number");
        Browser.screenshot(browser, "certificate-08-pass-list");
    }

    private static HttpResponse<byte[]> get(String url, String cookies) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path save(byte[] pdf, String name) throws Exception {
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Path dir = Path.of(System.getProperty("kaowu.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name + ".pdf"), pdf);
    }

    private static void render(Path pdf, String name) throws Exception {
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-singlefile", pdf.toString(),
                pdf.resolveSibling(name).toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftoppm failed");
    }
}
