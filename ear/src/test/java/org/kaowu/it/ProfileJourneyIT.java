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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 个人信息 (manual section 3) in a real browser: fill in the profile, get specific messages for bad input, upload
 * a photo that needs 自动调整 and accept it, upload both scans, 保存 → 信息修改成功; then the stored images are
 * served only to their owner. Also looked at on a 390 px wide phone screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileJourneyIT {

    private static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    private static final String PASSWORD = "Kaoshi2026";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    private WebDriver browser;
    private WebDriver other;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, 1000);
    }

    @AfterEach
    void closeBrowsers() {
        browser.quit();
        if (other != null) {
            other.quit();
        }
    }

    @Test
    void fillUploadAdjustSaveAndTheImagesStayPrivate() throws Exception {
        String id = TestData.idNumber();
        registerAndLogIn(browser, id);
        waitText(browser, "以下必填信息尚未填写");
        assertEquals(id, browser.findElement(By.id("account")).getText());
        assertTrue(text(browser, "profileForm:birthDate").startsWith(id.substring(6, 10) + "-" + id.substring(10, 12)));
        assertEquals((id.charAt(16) - '0') % 2 == 1 ? "男" : "女", browser.findElement(By.id("gender")).getText());
        assertTrue(text(browser, "imageRule").contains("所有上传图片不得大于100K"));
        Browser.screenshot(browser, "profile-01-empty");

        // bad input: specific messages, and nothing is stored
        type("profileForm:name", "<script>alert(1)</script>");
        type("profileForm:mobile", "12345");
        type("profileForm:email", "x@");
        type("profileForm:postcode", "abc");
        // (over-long text cannot get through: maxlength stops typing, and p:inputText cuts a forged POST to it)
        save();
        waitText(browser, "信息未保存");
        waitText(browser, "姓名只能包含汉字");
        waitText(browser, "手机号码格式不正确");
        waitText(browser, "电子邮箱格式不正确");
        waitText(browser, "邮政编码应为 6 位数字");
        Browser.screenshot(browser, "profile-02-invalid");
        browser.navigate().refresh();
        waitText(browser, "以下必填信息尚未填写");
        assertEquals("", value("profileForm:name"), "nothing was saved");

        // all fields good except an e-mail only the service's @Email refuses: a message, not an error page
        String mobile = TestData.mobile();
        fillProfile(mobile, "zhang..san@example.com");
        save();
        waitText(browser, "电子邮箱格式不正确");
        assertTrue(browser.findElements(By.id("profileForm:formMessages")).size() == 1, "still the profile page");
        type("profileForm:email", "zhangsan@example.com");

        // a photo that needs 自动调整: 1200×1600 PNG, far over 100K
        Path photo = Files.createTempFile("kaowu-photo", ".png");
        Path idCard = Files.createTempFile("kaowu-idcard", ".jpg");
        Path diploma = Files.createTempFile("kaowu-diploma", ".jpg");
        try {
            Files.write(photo, ProfileImages.noisyPhotoPng());
            assertTrue(Files.size(photo) > 100 * 1024, "the test photo must be over 100K");
            Files.write(idCard, ProfileImages.scan(new Color(60, 120, 200)));
            Files.write(diploma, ProfileImages.scan(new Color(180, 40, 40)));

            // over the 20 MB upload limit: refused in the browser, nothing is sent
            Path huge = Files.createTempFile("kaowu-huge", ".jpg");
            try {
                Files.write(huge, new byte[21 * 1024 * 1024]);
                browser.findElement(By.id("profileForm:diplomaUpload_input")).sendKeys(huge.toString());
                waitElementText(browser, "diplomaSlot", "文件超过 20M");
                assertTrue(text(browser, "profileForm:diplomaPreview").contains("尚未上传"));
            } finally {
                Files.deleteIfExists(huge);
            }

            // 自动调整 offered and rejected: nothing changes
            browser.findElement(By.id("profileForm:photoUpload_input")).sendKeys(photo.toString());
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("profileForm:rejectAdjusted")));
            browser.findElement(By.id("profileForm:rejectAdjusted")).click();
            waitText(browser, "未使用自动调整的图片");
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("profileForm:adjustDialog")));
            assertTrue(text(browser, "profileForm:photoPreview").contains("尚未上传"));

            // offered again and accepted: it becomes the pending photo
            browser.findElement(By.id("profileForm:photoUpload_input")).sendKeys(photo.toString());
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("profileForm:acceptAdjusted")));
            assertTrue(text(browser, "adjustReason").contains("超过 100K"), text(browser, "adjustReason"));
            assertTrue(text(browser, "adjustedInfo").contains("295×413"), text(browser, "adjustedInfo"));
            Browser.screenshot(browser, "profile-03-auto-adjust");
            browser.findElement(By.id("profileForm:acceptAdjusted")).click();
            waitElementText(browser, "profileForm:photoPreview", "待保存");
            assertTrue(text(browser, "profileForm:photoPreview").contains("295×413"));

            browser.findElement(By.id("profileForm:idCardUpload_input")).sendKeys(idCard.toString());
            waitElementText(browser, "profileForm:idCardPreview", "待保存");
            browser.findElement(By.id("profileForm:diplomaUpload_input")).sendKeys(diploma.toString());
            waitElementText(browser, "profileForm:diplomaPreview", "待保存");
            assertTrue(text(browser, "profileForm:diplomaPreview").contains("1200×800"));
        } finally {
            Files.deleteIfExists(photo);
            Files.deleteIfExists(idCard);
            Files.deleteIfExists(diploma);
        }
        ((JavascriptExecutor) browser).executeScript("document.getElementById('photoSlot').scrollIntoView({block: 'center'})");
        Browser.screenshot(browser, "profile-04-pending");

        save();
        waitText(browser, "信息修改成功");
        waitText(browser, "个人信息已填写完整");
        waitElementText(browser, "profileForm:photoPreview", "已保存");
        String src = browser.findElement(By.id("photoImage")).getAttribute("src");
        assertTrue(src.contains("/candidate/image/PHOTO?v="), src);
        new WebDriverWait(browser, WAIT).until(d -> Long.valueOf(295).equals(((JavascriptExecutor) d).executeScript(
                "var i = document.getElementById('photoImage'); return i.complete ? i.naturalWidth : -1;")));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "profile-05-saved");

        // what was saved comes back
        browser.navigate().refresh();
        waitText(browser, "个人信息已填写完整");
        assertEquals("张三", value("profileForm:name"));
        assertEquals(mobile, value("profileForm:mobile"));
        assertEquals("2018-07", value("profileForm:graduation_input"));
        assertEquals("汉族", text(browser, "profileForm:ethnicity_label"));

        // the phone: one column, nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        new WebDriverWait(browser, WAIT).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return window.innerWidth")).intValue() <= 390);
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "page wider than the phone by " + overflow + " px");
        WebElement account = browser.findElement(By.id("account"));
        WebElement name = browser.findElement(By.id("profileForm:name"));
        assertTrue(name.getLocation().getY() > account.getLocation().getY()
                && Math.abs(name.getLocation().getX() - account.getLocation().getX()) < 20, "fields stack on a phone");
        Browser.screenshot(browser, "profile-06-phone-top");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('profileForm:mobile').scrollIntoView()");
        Browser.screenshot(browser, "profile-07-phone-fields");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('photoSlot').scrollIntoView()");
        Browser.screenshot(browser, "profile-08-phone-images");

        // the stored image over plain HTTP
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> anonymous = get(http, "candidate/image/PHOTO", null);
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303, "status " + anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/login"),
                anonymous.headers().toString());

        HttpResponse<byte[]> own = get(http, "candidate/image/PHOTO", cookies(browser));
        assertEquals(200, own.statusCode());
        assertEquals("image/jpeg", own.headers().firstValue("Content-Type").orElse(""));
        String cacheControl = own.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("private") && cacheControl.contains("no-store"), cacheControl);
        assertEquals(0xFF, own.body()[0] & 0xFF);
        assertEquals(0xD8, own.body()[1] & 0xFF);
        assertEquals(404, get(http, "candidate/image/SELFIE", cookies(browser)).statusCode());
        assertEquals(404, get(http, "candidate/image/photo", cookies(browser)).statusCode());

        // another candidate, in another browser, gets 404 for "the" photo: the URL never names whose it is
        other = Browser.open(390, 844);
        other.manage().window().setSize(new Dimension(390, 844)); // headless Chromium starts at least 500 wide
        String otherId = TestData.idNumber();
        registerAndLogIn(other, otherId);
        waitText(other, "以下必填信息尚未填写");
        Browser.screenshot(other, "profile-09-phone-second-candidate");
        assertEquals(404, get(http, "candidate/image/PHOTO", cookies(other)).statusCode());
        assertEquals(404, get(http, "candidate/image/ID_CARD_SCAN", cookies(other)).statusCode());
        assertEquals(200, get(http, "candidate/image/ID_CARD_SCAN", cookies(browser)).statusCode());

        // 自动调整 on the phone: the dialog fits the screen; rejected, still nothing stored
        Path phonePhoto = Files.createTempFile("kaowu-phone-photo", ".png");
        try {
            Files.write(phonePhoto, ProfileImages.noisyPhotoPng());
            other.findElement(By.id("profileForm:photoUpload_input")).sendKeys(phonePhoto.toString());
            WebElement reject = new WebDriverWait(other, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("profileForm:rejectAdjusted")));
            WebElement dialog = other.findElement(By.id("profileForm:adjustDialog"));
            assertTrue(dialog.getRect().getX() >= 0 && dialog.getRect().getX() + dialog.getRect().getWidth() <= 390,
                    "dialog within the screen: " + dialog.getRect());
            Browser.screenshot(other, "profile-10-phone-auto-adjust");
            reject.click();
            waitText(other, "未使用自动调整的图片");
        } finally {
            Files.deleteIfExists(phonePhoto);
        }
        assertEquals(404, get(http, "candidate/image/PHOTO", cookies(other)).statusCode());
    }

    private void fillProfile(String mobile, String email) {
        type("profileForm:name", "张三");
        choose("profileForm:ethnicity", "汉族");
        choose("profileForm:politicalStatus", "共青团员");
        choose("profileForm:education", "大学本科");
        type("profileForm:major", "计算机科学与技术");
        type("profileForm:school", "浙江大学");
        type("profileForm:employer", "杭州某科技有限公司");
        type("profileForm:mobile", mobile);
        type("profileForm:email", email);
        type("profileForm:address", "浙江省杭州市西湖区文三路 100 号");
        type("profileForm:postcode", "310000");
        type("profileForm:graduation_input", "2018-07"); // typed; the month picker opens only from its button
    }

    private void save() {
        WebElement button = browser.findElement(By.id("profileForm:save"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        button.click();
    }

    /** A p:selectOneMenu: open it and click the option, as a person does. */
    private void choose(String id, String label) {
        new Journey(browser).choose(id, label);
        assertEquals(label, text(browser, id + "_label"));
    }

    private void registerAndLogIn(WebDriver b, String id) {
        b.get(Browser.BASE_URL + "register");
        type(b, "registerForm:idNumber", id);
        type(b, "registerForm:password", PASSWORD);
        type(b, "registerForm:confirmation", PASSWORD);
        type(b, "registerForm:captcha:captchaInput", CAPTCHA);
        tick(b, "registerForm:terms");
        tick(b, "registerForm:notice");
        b.findElement(By.id("registerForm:submit")).click();
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().endsWith("/login"));
        type(b, "loginForm:idNumber", id);
        type(b, "loginForm:password", PASSWORD);
        type(b, "loginForm:captcha:captchaInput", CAPTCHA);
        b.findElement(By.id("loginForm:submit")).click();
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().endsWith("/candidate/profile"));
    }

    private static HttpResponse<byte[]> get(HttpClient http, String path, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String cookies(WebDriver b) {
        return b.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private void type(String id, String text) {
        type(browser, id, text);
    }

    private static void type(WebDriver b, String id, String text) {
        WebElement field = b.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static String text(WebDriver b, String id) {
        return b.findElement(By.id(id)).getText();
    }

    private static void tick(WebDriver b, String id) {
        WebElement box = b.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box"));
        if (!box.getAttribute("class").contains("ui-state-active")) {
            box.click();
        }
    }

    private static void waitText(WebDriver b, String text) {
        // the page may be mid-navigation: read it whole each time and retry on any driver hiccup
        new WebDriverWait(b, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> String.valueOf(((JavascriptExecutor) d)
                        .executeScript("return document.body ? document.body.innerText : ''")).contains(text));
    }

    private static void waitElementText(WebDriver b, String id, String text) {
        new WebDriverWait(b, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.id(id)).getText().contains(text));
    }
}
