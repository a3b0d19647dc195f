package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.it.Browser;
import org.kaowu.it.Fixtures;
import org.kaowu.it.HttpVisitor;
import org.kaowu.it.Journey;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.TicketFixtures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final int SECONDS = 15;
    private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 100_000);

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
        HttpVisitor client = new HttpVisitor();
        assertEquals(302, client.logIn(idNumber, Fixtures.PASSWORD, Journey.CAPTCHA, "").statusCode(), "login");
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
        System.out.printf("[benchmark] completeness check: %,d ms; publication with %,d SMS into the outbox: %,d ms%n%n",
                Long.parseLong(alloc[2]), REGISTRATIONS, Long.parseLong(alloc[3]));
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

    private static long download(HttpVisitor client, String url) throws Exception {
        HttpResponse<byte[]> response = client.getBytes(url);
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
}
