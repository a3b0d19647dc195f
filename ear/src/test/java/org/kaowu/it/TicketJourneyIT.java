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
 * Manual section 5 in a browser, on the demo data (the test domain runs the demo seed: batch 2026T has its
 * exam in 3 days, seats allocated and tickets published): the demo candidate opens 准考证打印, 打印报表 and
 * 保存报表 (the PDF rendered to an image); the staff pages; and the refusals over plain HTTP: another
 * candidate's ticket, forged ids, another site's room, the wrong role — 404/403 pages, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketJourneyIT extends BrowserJourney {

    private static final String BATCH = "2026 年第四季度职业资格考试";

    @Test
    void theDemoCandidatePrintsTheTicket() throws Exception {
        journey.open("login");
        journey.logIn(DEMO_CANDIDATE, DEMO_PASSWORD);
        journey.waitUrlContains("/candidate/");
        journey.click("menuTickets");
        journey.waitText(BATCH);
        journey.waitText("可以打印");
        Browser.screenshot(browser, "ticket-01-list");

        String printUrl = browser.findElement(By.xpath("//tr[td[contains(., '" + BATCH + "')]]//a[contains(., '打印报表')]"))
                .getAttribute("href");
        String pdfUrl = browser.findElement(By.xpath("//tr[td[contains(., '" + BATCH + "')]]//a[contains(., '保存报表')]"))
                .getAttribute("href");
        browser.get(printUrl);
        journey.waitText("考 生 须 知");
        String ticketNo = journey.text("ticketNo");
        assertTrue(ticketNo.matches("\\d{2}2026THZ01\\d{3}\\d{2}"), ticketNo);
        assertEquals("张晓明", journey.text("name"));
        assertTrue(browser.findElement(By.cssSelector(".kw-ticket-qr svg")).isDisplayed());
        Browser.screenshot(browser, "ticket-02-print-view");

        HttpResponse<byte[]> pdf = get(pdfUrl, journey.cookies());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Path file = save(pdf.body(), "ticket-03-pdf");
        String text = pdfText(file);
        assertTrue(text.contains(ticketNo) && text.contains("张晓明") && text.contains("第001考场"), text);
        renderFirstPage(file, "ticket-03-pdf");

        // forged ids: 404 page, no data
        assertEquals(404, get(Browser.BASE_URL + "candidate/ticket-pdf?id=abc", journey.cookies()).statusCode());
        assertEquals(404, get(Browser.BASE_URL + "candidate/ticket-pdf?id=999999999", journey.cookies()).statusCode());
        browser.get(Browser.BASE_URL + "candidate/ticket-print?id=999999999");
        journey.waitText("准考证不存在");
        Browser.screenshot(browser, "ticket-04-forged-id");

        // another candidate asking for this ticket gets nothing
        WebDriver other = Browser.open(1280, 900);
        try {
            Journey stranger = new Journey(other);
            stranger.registerAndLogIn(TestData.idNumber());
            HttpResponse<byte[]> refused = get(pdfUrl, stranger.cookies());
            assertEquals(404, refused.statusCode());
            assertFalse(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8).contains(ticketNo));
            other.get(printUrl);
            stranger.waitText("准考证不存在");
            stranger.open("candidate/tickets");
            stranger.waitText("您还没有报名成功的考试");
            Browser.screenshot(other, "ticket-05-stranger");
        } finally {
            other.quit();
        }
    }

    @Test
    void staffSeeTheirPagesAndOnlyTheirRooms() throws Exception {
        staffLogIn(browser, "admin");
        journey.open("admin/tickets");
        journey.waitText("完整性检查");
        journey.choose("ticketsForm:batch", "2026T");
        journey.waitText("检查通过");
        journey.waitText("已发布");
        Browser.screenshot(browser, "ticket-06-admin-tickets");
        String roomUrl = browser.findElement(By.cssSelector("a.kw-download")).getAttribute("href");
        HttpResponse<byte[]> room = get(roomUrl, journey.cookies());
        assertEquals(200, room.statusCode());
        renderFirstPage(save(room.body(), "ticket-07-room"), "ticket-07-room");

        // 编排考场 runs in the background; the page polls until it reports the outcome (batch 2026A: its
        // approved registration at HZ01 gets a seat, a re-run places nobody new)
        journey.open("admin/tickets");
        journey.waitText("完整性检查");
        journey.choose("ticketsForm:batch", "2026A");
        journey.waitText("2026 年下半年专业技术资格考试");
        journey.click("ticketsForm:allocate");
        journey.waitText("编排完成");
        Browser.screenshot(browser, "ticket-09-allocated");

        journey.open("admin/rooms");
        journey.waitText("考场管理");
        Browser.screenshot(browser, "ticket-08-admin-rooms");

        // the HZ01 site admin gets its room; a made-up room or batch is a 404, not a 500
        WebDriver site = Browser.open(1280, 900);
        try {
            Journey hz = staffLogIn(site, "hz01");
            assertEquals(200, get(roomUrl, hz.cookies()).statusCode());
            assertEquals(404, get(roomUrl.replaceAll("room=\\d+", "room=999999999"), hz.cookies()).statusCode());
            assertEquals(404, get(Browser.BASE_URL + "admin/room-tickets?batch=x&room=1", hz.cookies()).statusCode());
            hz.open("admin/tickets");
            hz.waitText("完整性检查");
            assertTrue(site.findElements(By.id("ticketsForm:allocate")).isEmpty(), "allocation is the province's");
        } finally {
            site.quit();
        }
        // the operator may not open the ticket pages at all
        WebDriver operator = Browser.open(1280, 900);
        try {
            Journey op = staffLogIn(operator, "operator");
            assertEquals(403, get(roomUrl, op.cookies()).statusCode());
            op.open("admin/tickets");
            op.waitText("无权访问");
        } finally {
            operator.quit();
        }
    }

    private static Journey staffLogIn(WebDriver driver, String username) {
        Journey staff = new Journey(driver);
        staff.open("admin/login");
        staff.type("loginForm:username", username);
        staff.type("loginForm:password", DEMO_PASSWORD);
        staff.type("loginForm:captcha:captchaInput", Journey.CAPTCHA);
        staff.click("loginForm:submit");
        staff.waitUrlEndsWith("/admin/");
        return staff;
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

    private static String pdfText(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext failed");
        return text;
    }

    /** pdftoppm (poppler-utils) turns page 1 into a PNG next to the screenshots, for people to look at. */
    private static void renderFirstPage(Path pdf, String name) throws Exception {
        Path prefix = pdf.resolveSibling(name);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-singlefile", pdf.toString(), prefix.toString())
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftoppm failed");
        assertTrue(Files.size(prefix.resolveSibling(name + ".png")) > 0);
    }
}
