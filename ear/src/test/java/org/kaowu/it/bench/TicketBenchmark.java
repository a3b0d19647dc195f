package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.it.Browser;
import org.kaowu.it.Fixtures;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.TicketFixtures;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission tickets at scale. (1) Ticket PDFs per second through the real download path (a logged-in
 * candidate's GET /candidate/ticket-pdf: security, the ownership and window checks, the queries, the
 * rendering, the response) next to the raw AdmissionTicketPdf rate for the same ticket on the same number of
 * threads in the same run (goal ≥ 0.5×). (2) The time to allocate 100,000 approved registrations over 10 sites
 * (inserted in bulk by the test-only {@link TicketBenchServlet}), then the completeness check and the
 * publication. Prints figures; asserts only that things worked. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TicketBenchmark {

    private static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final int SECONDS = 15;
    private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 100_000);
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(TicketBenchServlet.class, TicketFixtures.class, TicketFixtures.Services.class,
                TicketFixtures.Submitted.class);
    }

    @Test
    void downloadRateAgainstRawRenderingAndTheAllocationOf100000() throws Exception {
        String[] setup = bench("step=setup").split(" ");
        String idNumber = setup[0];
        String ticketId = setup[1];
        HttpClient client = logIn(idNumber);
        String url = Browser.BASE_URL + "candidate/ticket-pdf?id=" + ticketId;
        for (int i = 0; i < 20; i++) {
            download(client, url);
        }
        AtomicLong bytes = new AtomicLong();
        double downloadRate = measure(() -> bytes.set(download(client, url)));
        String[] raw = bench("step=raw&id=" + idNumber + "&ticket=" + ticketId + "&threads=" + THREADS
                + "&seconds=" + SECONDS).split(" ");
        double rawRate = Double.parseDouble(raw[0]);

        System.out.printf("%n[benchmark] ticket PDF through GET /candidate/ticket-pdf: %.1f PDFs/s on %d threads (%,d bytes each)%n",
                downloadRate, THREADS, bytes.get());
        System.out.printf("[benchmark] raw AdmissionTicketPdf.render, same ticket: %.1f PDFs/s on %d threads (%s bytes)%n",
                rawRate, THREADS, raw[1]);
        System.out.printf("[benchmark] ratio download / raw = %.2f (goal >= 0.5)%n", downloadRate / rawRate);

        String[] alloc = bench("step=allocate&n=" + REGISTRATIONS + "&sites=10").split(" ");
        assertEquals(String.valueOf(REGISTRATIONS), alloc[4], "everybody placed");
        assertEquals("true", alloc[5], "complete");
        System.out.printf("[benchmark] %,d approved registrations over 10 sites inserted by JDBC batches in %,d ms%n",
                REGISTRATIONS, Long.parseLong(alloc[0]));
        System.out.printf("[benchmark] allocation of %,d (1,000 rooms x 100 seats, tickets written with JDBC batch writing): %,d ms (%.0f tickets/s)%n",
                REGISTRATIONS, Long.parseLong(alloc[1]), REGISTRATIONS / (Long.parseLong(alloc[1]) / 1000.0));
        System.out.printf("[benchmark] completeness check: %,d ms; publication (no contact data in the bulk rows, so no messages): %,d ms%n%n",
                Long.parseLong(alloc[2]), Long.parseLong(alloc[3]));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double measure(Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    action.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static long download(HttpClient client, String url) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length < 1000) {
            throw new AssertionError("download failed: " + response.statusCode());
        }
        return response.body().length;
    }

    private static String bench(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Browser.BASE_URL + "bench/tickets?" + query)).timeout(Duration.ofMinutes(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    private static HttpClient logIn(String id) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "captcha?form=login")).build(),
                HttpResponse.BodyHandlers.discarding());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginForm", "loginForm");
        form.put("loginForm:idNumber", id);
        form.put("loginForm:password", Fixtures.PASSWORD);
        form.put("loginForm:captcha:captchaInput", CAPTCHA);
        form.put("loginForm:submit", "");
        Matcher m = VIEW_STATE.matcher(page);
        assertTrue(m.find(), "view state");
        form.put("jakarta.faces.ViewState", m.group(1));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), "login");
        return client;
    }
}
