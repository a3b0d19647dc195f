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

/**
 * The admin portal in a browser: a candidate submits, the Hangzhou site admin finds the registration, passes
 * it and records the on-site payment, and the candidate then reads 审核通过 and 恭喜您，报名成功. Also the
 * province admin's batch pages, and the doors that stay shut (a candidate on admin pages, a site admin on
 * province pages). Uses the demo batch 2026A and the demo staff logins of the test domain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminJourneyIT {

    private static final String DEMO_BATCH = "2026 年下半年专业技术资格考试";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver candidateBrowser;
    private WebDriver adminBrowser;

    @BeforeEach
    void openBrowsers() {
        candidateBrowser = Browser.open(1280, 1000);
        adminBrowser = Browser.open(1366, 1000);
    }

    @AfterEach
    void closeBrowsers() {
        candidateBrowser.quit();
        adminBrowser.quit();
    }

    @Test
    void aSiteAdminReviewsAndRecordsPaymentAndTheCandidateSeesSuccess() throws Exception {
        String id = TestData.idNumber();
        Journey candidate = new Journey(candidateBrowser);
        candidate.registerAndLogIn(id);
        candidate.completeProfile(TestData.mobile());
        String registrationUrl = candidate.submitRegistration(DEMO_BATCH, "杭州市第一考点");
        String number = candidate.text("number");

        Journey admin = new Journey(adminBrowser);
        admin.logInStaff("hz01");
        Browser.screenshot(adminBrowser, "admin-01-dashboard");
        assertFalse(adminBrowser.findElements(By.id("navReview")).isEmpty(), "site admins review");
        assertTrue(adminBrowser.findElements(By.id("navBatches")).isEmpty(), "site admins do not set up batches");

        admin.open("admin/review");
        admin.type("reviewForm:text", id);
        admin.click("reviewForm:search");
        admin.waitText(number);
        String table = adminBrowser.findElement(By.id("reviewForm:reviewTable")).getText();
        assertFalse(table.contains(id), "the table masks the ID number");
        assertTrue(table.contains(id.substring(0, 6) + "********" + id.substring(14)), table);
        Browser.screenshot(adminBrowser, "admin-02-review-list");

        adminBrowser.findElement(By.linkText(number)).click();
        admin.waitVisible("registrationForm:pass");
        Browser.screenshot(adminBrowser, "admin-03-registration");
        String photo = adminBrowser.findElement(By.id("photo")).getAttribute("src");
        assertEquals(200, get(photo, admin.cookies()));
        assertTrue(get(photo, candidate.cookies()) != 200, "a candidate session is no key to reviewers' files");

        admin.click("registrationForm:pass");
        admin.waitText("审核通过，待缴费");
        admin.waitVisible("registrationForm:recordPayment");
        String fee = admin.text("fee").replaceAll("[^0-9.]", "");
        admin.type("registrationForm:receipt", "HZ-" + TestData.code(8));
        admin.click("registrationForm:recordPayment");
        admin.waitText("缴费已登记");
        assertEquals("审核通过", admin.text("status"));
        assertTrue(admin.text("payment").startsWith(fee + " "), "paid the fee due: " + admin.text("payment"));
        Browser.screenshot(adminBrowser, "admin-04-paid");

        candidateBrowser.get(registrationUrl);
        candidate.waitText("恭喜您，报名成功");
        assertEquals("审核通过", candidate.text("status"));
        Browser.screenshot(candidateBrowser, "admin-05-candidate-success");

        // the candidate's session opens no admin page or file: 403, nothing shown; anonymous goes to the login
        for (String path : ADMIN_PATHS) {
            HttpResponse<String> asCandidate = fetch(path, candidate.cookies());
            assertEquals(403, asCandidate.statusCode(), path);
            assertFalse(asCandidate.body().contains(id.substring(0, 6) + "********"), path);
            HttpResponse<String> anonymous = fetch(path, "");
            assertEquals(302, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/admin/login"), path);
        }
        candidateBrowser.get(Browser.BASE_URL + "admin/review");
        assertFalse(candidateBrowser.getPageSource().contains("reviewTable"));
        adminBrowser.get(Browser.BASE_URL + "admin/batches");
        assertFalse(adminBrowser.getPageSource().contains("batchTable"));
        Browser.screenshot(adminBrowser, "admin-06-site-admin-refused");
    }

    @Test
    void theProvinceAdminSeesEverySiteAndSetsUpBatches() {
        Journey admin = new Journey(adminBrowser);
        admin.logInStaff("admin");
        admin.waitVisible("dashboardForm:siteTable");
        Browser.screenshot(adminBrowser, "admin-07-province-dashboard");
        admin.open("admin/batches");
        admin.waitText(DEMO_BATCH);
        Browser.screenshot(adminBrowser, "admin-08-batches");
        adminBrowser.findElement(By.linkText("2026A")).click();
        admin.waitVisible("batchForm:save");
        Browser.screenshot(adminBrowser, "admin-09-batch");

        // a contradictory date is refused with a clear message, nothing saved
        admin.open("admin/batch");
        admin.type("batchForm:code", "J" + TestData.code(7));
        admin.type("batchForm:name", "浏览器测试批次");
        admin.setValue("batchForm:registrationStart_input", "2030-03-01 09:00");
        admin.setValue("batchForm:registrationEnd_input", "2030-02-01 17:00");
        admin.setValue("batchForm:reviewEnd_input", "2030-03-10 17:00");
        admin.setValue("batchForm:paymentEnd_input", "2030-03-12 17:00");
        admin.setValue("batchForm:examStart_input", "2030-04-01 09:00");
        admin.setValue("batchForm:examEnd_input", "2030-04-01 11:30");
        admin.click("batchForm:save");
        admin.waitText("报名开始时间必须早于报名截止时间");
        Browser.screenshot(adminBrowser, "admin-10-batch-refused");
        admin.setValue("batchForm:registrationEnd_input", "2030-03-05 17:00");
        admin.click("batchForm:save");
        admin.waitText("已创建（草稿）");
        Browser.screenshot(adminBrowser, "admin-11-batch-created");

        // a new site through the dialog: a duplicate code is refused inside it, a fresh one saved
        admin.open("admin/sites");
        admin.click("sitesForm:new");
        admin.waitVisible("siteForm:code");
        admin.type("siteForm:code", "HZ01");
        admin.type("siteForm:name", "重复的考点");
        admin.type("siteForm:address", "杭州市测试路 9 号");
        admin.click("siteForm:save");
        admin.waitText("考点代码 HZ01 已存在");
        String code = "J" + TestData.code(6);
        admin.type("siteForm:code", code);
        admin.click("siteForm:save");
        admin.waitText("已保存");
        admin.waitText(code);

        // the centre's other set-up pages, for people to look at
        for (String page : new String[] {"sites", "positions", "staff", "audit"}) {
            admin.open("admin/" + page);
            admin.waitVisible(page + "Form");
            Browser.screenshot(adminBrowser, "admin-13-" + page);
        }

        // on a phone the review list reflows
        WebDriver phone = Browser.open(390, 844);
        try {
            Journey mobile = new Journey(phone);
            mobile.logInStaff("admin");
            mobile.open("admin/review");
            mobile.waitVisible("reviewForm:reviewTable");
            Browser.screenshot(phone, "admin-12-review-phone");
        } finally {
            phone.quit();
        }
    }

    private static final String[] ADMIN_PATHS = {"admin/", "admin/batches", "admin/batch?id=50", "admin/sites",
            "admin/positions", "admin/review", "admin/registration?id=50", "admin/registration-file?id=50&file=form",
            "admin/staff", "admin/audit", "admin/messages"};

    private static HttpResponse<String> fetch(String path, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
