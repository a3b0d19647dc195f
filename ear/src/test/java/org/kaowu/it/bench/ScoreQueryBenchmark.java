package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.it.Browser;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.ScoreDataset;
import org.kaowu.it.TicketFixtures;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Score day: the public score query ({@code /query/score}, what a browser sends: the CAPTCHA image, then the
 * PrimeFaces ajax POST with 姓名, 身份证号 and the code) on {@value #CONNECTIONS} concurrent connections — a fixed
 * pool of {@value #CONNECTIONS} threads with java.net.http (no virtual threads on Java 17; wrk cannot keep a JSF
 * view and session per connection) — next to the same server serving a static file of similar size on as many
 * connections in the same run (goal ≥ 0.5× the static rate, p99 ≤ 100 ms, no errors). The test domain answers every
 * CAPTCHA with {@code TEST}; the per-address limit (20 per 10 min, all threads come from 127.0.0.1) is lifted for
 * this deployment only by {@link ScoreBenchServlet} through the start-up test hook
 * {@code AccessThrottles.SCORE_QUERY_LIMIT_PROPERTY}. Prints figures, asserts nothing about them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreQueryBenchmark {

    static final int CONNECTIONS = 256;
    private static final int PEOPLE = Integer.getInteger("bench.scorePeople", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final String CAPTCHA = System.getProperty("kaowu.captcha", "TEST");
    private static final String STATIC = "bench/static.html";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile("ViewState:0\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = KaowuDeployment.ear(ScoreBenchServlet.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        while (html.length() < 16_000) {
            html.append("<p>成绩查询 static reference page of about the size of a query answer.</p>\n");
        }
        ear.getAsType(WebArchive.class, "kaowu-web.war").add(new StringAsset(html + "</body></html>"), STATIC);
        return ear;
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void queryAgainstStaticFile() throws Exception {
        HttpResponse<String> setup = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL
                + "bench/scores?step=published&people=" + PEOPLE)).timeout(Duration.ofMinutes(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, setup.statusCode(), setup.body());
        List<String> lines = new ArrayList<>(Arrays.asList(setup.body().strip().split("\n")));
        int limit = Integer.parseInt(lines.remove(0));
        List<String[]> people = lines.stream().map(l -> l.split(",")).collect(Collectors.toList());

        AtomicLong queryBytes = new AtomicLong();
        Result warm = run(3, t -> new Query(people, t, queryBytes));
        Result query = run(SECONDS, t -> new Query(people, t, queryBytes));
        AtomicLong staticBytes = new AtomicLong();
        run(3, t -> () -> get(STATIC, staticBytes));
        Result stat = run(SECONDS, t -> () -> get(STATIC, staticBytes));

        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%n[benchmark] public score query, %d connections, %d s (warm-up %d queries, %d errors);"
                + " %,d people with published scores, per-address limit lifted to %,d%n", CONNECTIONS, SECONDS,
                warm.ok, warm.errors, people.size(), limit);
        System.out.printf("[benchmark] query (CAPTCHA image + ajax POST, answer %,d bytes): %,.0f queries/s,"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d of %d%n", queryBytes.get(), query.rate(),
                query.percentile(50), query.percentile(99), query.percentile(100), query.errors, query.ok + query.errors);
        System.out.printf("[benchmark] static file %s (%,d bytes): %,.0f requests/s, p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms, errors %d of %d%n", STATIC, staticBytes.get(), stat.rate(), stat.percentile(50),
                stat.percentile(99), stat.percentile(100), stat.errors, stat.ok + stat.errors);
        System.out.printf("[benchmark] ratio query / static = %.2f (goal >= 0.5; p99 goal <= 100 ms); load average %.2f%n%n",
                query.rate() / stat.rate(), load);
    }

    // ------------------------------------------------------------------ load

    private interface Action {
        /** One request (or query); true when it worked. */
        boolean call() throws Exception;
    }

    private interface PerThread {
        Action create(int thread) throws Exception;
    }

    private record Result(long ok, long errors, double seconds, long[] nanos) {
        double rate() {
            return ok / seconds;
        }

        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    private Result run(int seconds, PerThread perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int t = 0; t < CONNECTIONS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] times = new long[1024];
                int n = 0;
                Action action;
                try {
                    action = perThread.create(thread);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    return new long[0];
                }
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean worked;
                    try {
                        worked = action.call();
                    } catch (Exception e) {
                        worked = false;
                    }
                    if (worked) {
                        ok.incrementAndGet();
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = System.nanoTime() - t0;
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok.get(), errors.get(), elapsed, nanos);
    }

    private boolean get(String path, AtomicLong bytes) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        bytes.set(r.body().length);
        return r.statusCode() == 200;
    }

    /** One visitor: a session and a view of /query/score, then queries (a CAPTCHA image and a POST each). */
    private final class Query implements Action {
        private final List<String[]> people;
        private final AtomicLong bytes;
        private final String cookie;
        private String viewState;
        private int next;

        Query(List<String[]> people, int thread, AtomicLong bytes) throws Exception {
            this.people = people;
            this.bytes = bytes;
            this.next = thread * 7;
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "query/score"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            Matcher m = VIEW_STATE.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no view state");
            }
            viewState = m.group(1);
        }

        @Override
        public boolean call() throws Exception {
            String[] person = people.get(next++ % people.size());
            HttpResponse<byte[]> image = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL
                    + "captcha?form=score&t=" + System.nanoTime())).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (image.statusCode() != 200) {
                return false;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", "queryForm:query");
            form.put("jakarta.faces.partial.execute", "@all");
            form.put("jakarta.faces.partial.render", "queryForm");
            form.put("queryForm:query", "queryForm:query");
            form.put("queryForm", "queryForm");
            form.put("queryForm:name", person[0]);
            form.put("queryForm:idNumber", person[1]);
            form.put("queryForm:captcha:captchaInput", CAPTCHA);
            form.put("jakarta.faces.ViewState", viewState);
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "query/score"))
                    .header("Cookie", cookie).header("Faces-Request", "partial/ajax")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = PARTIAL_VIEW_STATE.matcher(r.body());
            if (m.find()) {
                viewState = m.group(1);
            }
            bytes.set(r.body().getBytes(StandardCharsets.UTF_8).length);
            return r.statusCode() == 200 && r.body().contains("kw-score-id");
        }
    }
}
