package org.kaowu.it;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor without a browser, for tests and benchmarks over plain HTTP: its own cookies, redirects not followed
 * (so a test sees them), and the public forms as the pages send them (注册, the two logins), each after loading
 * the page and its CAPTCHA image as a browser does. The CAPTCHA answer is the test domain's fixed one.
 */
public final class HttpVisitor {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A download; {@code pathOrUrl} may be a whole URL, as pages link them. */
    public HttpResponse<byte[]> getBytes(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : Browser.BASE_URL + pathOrUrl;
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** 注册 with a fresh ID number and {@code password}; returns the ID number. */
    public static String register(String password) throws Exception {
        String id = TestData.idNumber();
        HttpVisitor v = new HttpVisitor();
        String page = v.get("register").body();
        v.get("captcha?form=register");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("registerForm", "registerForm");
        form.put("registerForm:idNumber", id);
        form.put("registerForm:password", password);
        form.put("registerForm:confirmation", password);
        form.put("registerForm:captcha:captchaInput", Journey.CAPTCHA);
        form.put("registerForm:terms_input", "on");
        form.put("registerForm:notice_input", "on");
        form.put("registerForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        HttpResponse<String> done = v.post("register", form);
        if (done.statusCode() != 302) {
            throw new AssertionError("registration refused: " + done.statusCode() + " " + done.body());
        }
        return id;
    }

    /** The candidate login form (用户登录); a login answers 302. */
    public HttpResponse<String> logIn(String id, String password, String captcha, String next) throws Exception {
        return submitLogin("login", "login", "loginForm:idNumber", id, password, captcha, next);
    }

    /** The staff login form (管理员登录); a login answers 302. */
    public HttpResponse<String> staffLogIn(String username, String password, String next) throws Exception {
        return submitLogin("admin/login", "adminlogin", "loginForm:username", username, password, Journey.CAPTCHA, next);
    }

    private HttpResponse<String> submitLogin(String path, String captchaForm, String accountField, String account,
                                             String password, String captcha, String next) throws Exception {
        String page = get(path).body();
        get("captcha?form=" + captchaForm);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginForm", "loginForm");
        form.put(accountField, account);
        form.put("loginForm:password", password);
        form.put("loginForm:captcha:captchaInput", captcha);
        form.put("loginForm:next", next);
        form.put("loginForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        return post(path, form);
    }

    /** The session cookie's value, or null. */
    public String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The last view state on a page (the page's own form comes after the header's). */
    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new AssertionError("no view state on the page");
        }
        return last;
    }
}
