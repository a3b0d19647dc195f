package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.it.Browser;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.TestData;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Login throughput through the real login path (GET /login, the CAPTCHA image, POST the form, driven by wrk
 * with {@code bench/login.lua}, which leaves the shared cores to the server; the server
 * verifies a PBKDF2-SHA256 hash at 600,000 iterations) next to the raw PBKDF2 rate of this machine,
 * measured in the same run on the same number of threads. Prints figures; asserts only that logins
 * worked, never a timing. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginBenchmark {

    private static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    private static final String PASSWORD = "Bench2026x";
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /**
     * Hashing is pure CPU: one thread per core saturates the machine. A login also waits (three HTTP round
     * trips, the database), during which its core would idle with one client per core; capacity is measured
     * with the server kept busy, so twice as many clients as cores.
     */
    private static final int LOGIN_CLIENTS = 2 * THREADS;
    private static final int WARM_UP_SECONDS = 10;
    private static final int MEASURE_SECONDS = 20;
    private static final long MEASURE_NANOS = MEASURE_SECONDS * 1_000_000_000L;
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    @Test
    void loginThroughputAgainstRawHashRate() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < LOGIN_CLIENTS; i++) {
            accounts.add(register());
        }
        List<String> args = new ArrayList<>(List.of(PASSWORD, CAPTCHA));
        args.addAll(accounts);
        logIns(WARM_UP_SECONDS, args); // JIT, pools, first view build

        Cpu server = Cpu.of(serverProcess());
        Map<String, Double> run = logIns(MEASURE_SECONDS, args);
        double logins = run.get("logins");
        double loginRate = logins / run.get("seconds");
        double serverMs = server.msSince() / logins;

        Cpu hashCpu = Cpu.of(ProcessHandle.current());
        double hashRate = measure(accounts.subList(0, THREADS), id -> rawHash());
        double hashMs = hashCpu.msSince() / HASHES.get();

        System.out.printf("%n[benchmark] login through /login: %.2f logins/s with %d clients (wrk), %.0f errors%n",
                loginRate, LOGIN_CLIENTS, run.get("errors"));
        System.out.printf("[benchmark] raw PBKDF2-HMAC-SHA256 x %,d: %.2f hashes/s on %d threads%n",
                PasswordHasher.ITERATIONS, hashRate, THREADS);
        System.out.printf("[benchmark] ratio login / raw hash = %.2f (goal >= 0.9)%n", loginRate / hashRate);
        // CPU time per operation hardly depends on what else the machine runs: it shows where a login's cost goes.
        System.out.printf("[benchmark] server CPU per login %.1f ms; CPU per raw hash %.1f ms%n%n", serverMs, hashMs);
        assertEquals(0.0, run.get("errors"), "failed logins");
    }

    /** Logs the accounts in over and over with wrk, one connection per account. */
    private static Map<String, Double> logIns(int seconds, List<String> args) throws Exception {
        return Wrk.run("login.lua", LOGIN_CLIENTS, LOGIN_CLIENTS, seconds, Browser.BASE_URL, args);
    }

    private interface Action {
        void run(String account) throws Exception;
    }

    /** Operations per second of {@code action} on one thread per account, for a fixed time. */
    private static double measure(List<String> accounts, Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String account : accounts) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() - start < MEASURE_NANOS) {
                    action.run(account);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return done.get() / seconds;
    }

    private static final AtomicLong HASHES = new AtomicLong();

    /** The Payara server of the test domain: the JVM whose command line names it. */
    private static ProcessHandle serverProcess() {
        String domain = System.getProperty("it.domain", "kaowu-test");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ASMain") && c.contains(domain)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no server process for domain " + domain));
    }

    /** CPU time a process has used since this was taken. */
    private record Cpu(ProcessHandle process, long startNanos) {
        static Cpu of(ProcessHandle process) {
            return new Cpu(process, nanos(process));
        }

        double msSince() {
            return (nanos(process) - startNanos) / 1e6;
        }

        private static long nanos(ProcessHandle process) {
            return process.info().totalCpuDuration().orElseThrow().toNanos();
        }
    }

    private static void rawHash() throws Exception {
        HASHES.incrementAndGet();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, PasswordHasher.ITERATIONS, 256))
                .getEncoded();
    }

    private String register() throws Exception {
        String id = TestData.idNumber();
        HttpClient client = client();
        String page = get(client, "register");
        get(client, "captcha?form=register");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("registerForm", "registerForm");
        form.put("registerForm:idNumber", id);
        form.put("registerForm:password", PASSWORD);
        form.put("registerForm:confirmation", PASSWORD);
        form.put("registerForm:captcha:captchaInput", CAPTCHA);
        form.put("registerForm:terms_input", "on");
        form.put("registerForm:notice_input", "on");
        form.put("registerForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        HttpResponse<String> response = post(client, "register", form);
        if (response.statusCode() != 302) {
            throw new AssertionError("registration failed: " + response.statusCode());
        }
        return id;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no view state on the page");
        }
        return m.group(1);
    }
}
