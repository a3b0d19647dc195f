package org.kaowu.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * What a person does in the browser, for the journey tests: typing, ticking PrimeFaces check boxes,
 * choosing from PrimeFaces drop-downs, waiting for text while pages change, and the common journeys
 * (register and log in, fill the profile).
 */
public final class Journey {

    public static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    public static final String PASSWORD = "Kaoshi2026";
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver b;

    public Journey(WebDriver browser) {
        this.b = browser;
    }

    public WebDriver browser() {
        return b;
    }

    public void open(String path) {
        b.get(Browser.BASE_URL + path);
    }

    public void type(String id, String text) {
        WebElement field = b.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks, then waits for the Ajax request the click started (if any) to be answered and applied. */
    public void click(String id) {
        b.findElement(By.id(id)).click();
        waitAjax();
    }

    /**
     * Waits until PrimeFaces has no Ajax request queued or in flight. Text alone is no sign that an update is
     * applied: the old page often shows it already, and the next click then meets an element being replaced.
     * A page without PrimeFaces (or mid-navigation) counts as idle. In flight is counted by jQuery: PrimeFaces'
     * own list of requests keeps those of its file uploads after they are answered.
     */
    public void waitAjax() {
        try {
            new WebDriverWait(b, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("var q = window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue;"
                            + " return !q || (q.isEmpty() && jQuery.active === 0);")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("ajax never idle: " + ((JavascriptExecutor) b).executeScript(
                    "return JSON.stringify({queued: PrimeFaces.ajax.Queue.requests.length, active: jQuery.active});"), e);
        }
    }

    public String text(String id) {
        return b.findElement(By.id(id)).getText();
    }

    /** A p:selectBooleanCheckbox (or one item of a p:selectManyCheckbox), ticked if not already. */
    public void tick(String id) {
        WebElement box = b.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box"));
        if (!box.getAttribute("class").contains("ui-state-active")) {
            box.click();
        }
    }

    /** Item {@code index} of a p:selectManyCheckbox, ticked if not already. */
    public void tickOption(String groupId, int index) {
        WebElement box = b.findElements(By.cssSelector("[id='" + groupId + "'] .ui-chkbox-box")).get(index);
        if (!box.getAttribute("class").contains("ui-state-active")) {
            box.click();
        }
    }

    /** A p:selectOneMenu: open it and click the option whose label starts with {@code label}. */
    public void choose(String id, String label) {
        click(id);
        WebElement panel = new WebDriverWait(b, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id + "_panel")));
        WebElement item = panel.findElements(By.cssSelector("li.ui-selectonemenu-item")).stream()
                .filter(li -> li.getAttribute("data-label").startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " in " + id));
        // the panel opens with an animation: click only once the item stands still
        Rectangle[] last = {null};
        new WebDriverWait(b, WAIT).pollingEvery(Duration.ofMillis(100)).until(d -> {
            Rectangle now = item.getRect();
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
        item.click();
        // the change's Ajax update may replace the panel while we look at it; Chromium then reports
        // "Node ... does not belong to the document" (not a stale reference), so look it up afresh each time
        new WebDriverWait(b, WAIT).ignoring(WebDriverException.class).until(d -> d.findElements(By.id(id + "_panel"))
                .stream().noneMatch(WebElement::isDisplayed));
        waitAjax();
    }

    /** Waits until the page shows {@code text}; the page may be mid-navigation, so it rereads it whole. */
    public void waitText(String text) {
        try {
            new WebDriverWait(b, WAIT)
                    .ignoring(WebDriverException.class)
                    .until(d -> String.valueOf(((JavascriptExecutor) d)
                            .executeScript("return document.body ? document.body.innerText : ''")).contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page showed instead is the first thing to look at
            Browser.screenshot(b, "timeout-" + Integer.toHexString(text.hashCode()));
            throw new AssertionError("the page never showed \"" + text + "\"", e);
        }
    }

    public void waitUrlEndsWith(String suffix) {
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    public void waitUrlContains(String part) {
        new WebDriverWait(b, WAIT).until(ExpectedConditions.urlContains(part));
    }

    public void waitVisible(String id) {
        new WebDriverWait(b, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The session cookies, to fetch what the page links to (PDFs, images) with plain HTTP. */
    public String cookies() {
        return b.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** 注册 then 登录 with a fresh ID number; lands on the profile page. */
    public void registerAndLogIn(String id) {
        open("register");
        type("registerForm:idNumber", id);
        type("registerForm:password", PASSWORD);
        type("registerForm:confirmation", PASSWORD);
        type("registerForm:captcha:captchaInput", CAPTCHA);
        tick("registerForm:terms");
        tick("registerForm:notice");
        click("registerForm:submit");
        waitUrlEndsWith("/login");
        logIn(id, PASSWORD);
        waitUrlEndsWith("/candidate/profile");
    }

    public void logIn(String id, String password) {
        type("loginForm:idNumber", id);
        type("loginForm:password", password);
        type("loginForm:captcha:captchaInput", CAPTCHA);
        click("loginForm:submit");
    }

    /**
     * Sets an input's text by script: a date picker opens its calendar on focus, which swallows typed keys
     * and clicks on the next field. The picker submits whatever its input holds.
     */
    public void setValue(String id, String text) {
        ((JavascriptExecutor) b).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, text);
    }

    /** 管理员登录 with the demo password; lands on the dashboard. */
    public void logInStaff(String username) {
        open("admin/login");
        type("loginForm:username", username);
        type("loginForm:password", BrowserJourney.DEMO_PASSWORD);
        type("loginForm:captcha:captchaInput", CAPTCHA);
        click("loginForm:submit");
        waitUrlEndsWith("/admin/");
    }

    /**
     * The three steps for the first position of a batch at a site, then 提交审核; ends on the registration's
     * page and returns its URL.
     */
    public String submitRegistration(String batchName, String siteLabel) {
        open("candidate/exams");
        waitText(batchName);
        b.findElement(By.xpath("//tr[td[contains(., '" + batchName + "')]]//*[contains(@class,'kw-apply')]/descendant-or-self::a")).click();
        waitText("确认人员信息");
        click("applyForm:confirmPerson");
        waitVisible("applyForm:site");
        choose("applyForm:site", siteLabel);
        tickOption("applyForm:positions", 0);
        click("applyForm:confirmChoice");
        waitVisible("formPreview");
        click("applyForm:submit");
        waitVisible("applyForm:confirmYes");
        click("applyForm:confirmYes");
        waitUrlContains("/candidate/registration?id=");
        waitText("待审核");
        return b.getCurrentUrl();
    }

    /** Fills every required profile field and uploads valid photo and scans, then 保存. */
    public void completeProfile(String mobile) {
        type("profileForm:name", "张三");
        choose("profileForm:ethnicity", "汉族");
        choose("profileForm:politicalStatus", "共青团员");
        choose("profileForm:education", "大学本科");
        type("profileForm:major", "计算机科学与技术");
        type("profileForm:school", "浙江大学");
        type("profileForm:employer", "杭州某科技有限公司");
        type("profileForm:mobile", mobile);
        type("profileForm:address", "浙江省杭州市西湖区文三路 100 号");
        type("profileForm:postcode", "310000");
        type("profileForm:graduation_input", "2018-07");
        upload("profileForm:photoUpload_input", ProfileImages.photo(new Color(0x88, 0xaa, 0xcc)), "photo.jpg");
        upload("profileForm:idCardUpload_input", ProfileImages.scan(new Color(0x33, 0x66, 0x99)), "idcard.jpg");
        upload("profileForm:diplomaUpload_input", ProfileImages.scan(new Color(0x99, 0x33, 0x33)), "diploma.jpg");
        ((JavascriptExecutor) b).executeScript("window.scrollTo(0, 0)");
        click("profileForm:save");
        waitText("信息修改成功");
    }

    private void upload(String inputId, byte[] bytes, String name) {
        try {
            Path dir = Files.createTempDirectory("kaowu-upload");
            Path file = Files.write(dir.resolve(name), bytes);
            int pendingBefore = countPending();
            b.findElement(By.id(inputId)).sendKeys(file.toString());
            new WebDriverWait(b, WAIT).ignoring(WebDriverException.class).until(d -> countPending() > pendingBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int countPending() {
        return Integer.parseInt(String.valueOf(((JavascriptExecutor) b).executeScript(
                "return (document.body.innerText.match(/待保存/g) || []).length")));
    }
}
