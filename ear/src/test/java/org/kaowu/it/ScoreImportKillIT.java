package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an import: the test (a client) starts the import of a generated file, waits until the
 * first chunks have committed, kills the test domain's server JVM hard ({@code destroyForcibly}, i.e. SIGKILL),
 * starts the same domain again with {@code asadmin start-domain} (the application stays deployed), then continues
 * the run the way the admin page does — the old execution shows as 已中断 and goes on in a new execution from the
 * run's last committed line — and checks exact counts: every good line stored once, every rejection counted once.
 * <p>
 * The restarted server is the same domain on the same ports, so the managed container's later deployments and its
 * final {@code stop-domain} reach it as if nothing happened.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreImportKillIT {

    private static final int PEOPLE = 30_000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ScoreKillServlet.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
    }

    @Test
    void anImportTheServerWasKilledUnderIsContinuedWithExactCounts() throws Exception {
        String[] started = call("step=start&people=" + PEOPLE).split(" ");
        long importId = Long.parseLong(started[0]);
        long batchId = Long.parseLong(started[1]);
        long total = Long.parseLong(started[2]);
        long good = Long.parseLong(started[3]);
        long bad = Long.parseLong(started[4]);
        TestData.waitUntil(() -> Long.parseLong(run(importId)[1]) >= 3_000, Duration.ofMinutes(3));

        ProcessHandle server = serverProcess();
        server.destroyForcibly();
        server.onExit().get(1, TimeUnit.MINUTES);
        startDomain();
        TestData.waitUntil(() -> {
            try {
                return http.send(request("step=run&id=" + importId), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }, Duration.ofMinutes(5));

        String[] atKill = run(importId);
        assertEquals("INTERRUPTED", atKill[0], String.join(" ", atKill));
        long readAtKill = Long.parseLong(atKill[1]);
        assertTrue(readAtKill >= 3_000 && readAtKill < total, "killed after " + readAtKill + " of " + total);
        assertEquals(readAtKill, Long.parseLong(atKill[2]) - 1, "figures and last line agree");
        String[] countsAtKill = call("step=counts&id=" + importId + "&batch=" + batchId).split(" ");
        assertEquals(readAtKill - Long.parseLong(atKill[6]), Long.parseLong(countsAtKill[0]), "stored = read - rejected");

        long execution = Long.parseLong(call("step=restart&id=" + importId));
        TestData.waitUntil(() -> !"RUNNING".equals(run(importId)[0]) && !"STOPPING".equals(run(importId)[0]),
                Duration.ofMinutes(5));
        String[] done = run(importId);
        assertEquals("COMPLETED", done[0], String.join(" ", done));
        assertEquals(String.valueOf(execution), done[7]);
        assertEquals(total, Long.parseLong(done[1]), "lines read");
        assertEquals(good, Long.parseLong(done[3]), "inserted");
        assertEquals(0, Long.parseLong(done[4]) + Long.parseLong(done[5]), "nothing updated or unchanged: no line twice");
        assertEquals(bad, Long.parseLong(done[6]), "rejected");
        String[] counts = call("step=counts&id=" + importId + "&batch=" + batchId).split(" ");
        assertEquals(good, Long.parseLong(counts[0]), "scores");
        assertEquals(good, Long.parseLong(counts[1]), "distinct (ticket, subject)");
        assertEquals(bad, Long.parseLong(counts[2]), "rejections");
        assertEquals(bad, Long.parseLong(counts[3]), "distinct rejected lines");
        System.out.printf("kill IT: %d lines, killed after %d committed, continued in execution %d%n", total, readAtKill,
                execution);
    }

    /** The test domain's server JVM: the one java process whose arguments say {@code -domainname <it.domain>}. */
    private static ProcessHandle serverProcess() {
        String domain = System.getProperty("it.domain");
        List<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> {
            try {
                List<String> args = List.of(new String(Files.readAllBytes(Path.of("/proc", p.pid() + "", "cmdline")),
                        StandardCharsets.UTF_8).split("\u0000"));
                int i = args.indexOf("-domainname");
                return args.stream().anyMatch(a -> a.endsWith("ASMain")) && i >= 0 && i + 1 < args.size()
                        && args.get(i + 1).equals(domain);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
        assertEquals(1, found.size(), "server processes of domain " + domain);
        return found.get(0);
    }

    private static void startDomain() throws Exception {
        String home = System.getProperty("payara.home");
        File log = File.createTempFile("start-domain", ".log");
        Process p = new ProcessBuilder(home + "/bin/asadmin", "start-domain", System.getProperty("it.domain"))
                .redirectErrorStream(true).redirectOutput(log).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "start-domain took over 5 minutes");
        assertEquals(0, p.exitValue(), Files.readString(log.toPath()));
    }

    private String[] run(long importId) {
        try {
            return call("step=run&id=" + importId).split(" ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String call(String query) throws Exception {
        HttpResponse<String> r = http.send(request(query), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    private static HttpRequest request(String query) {
        return HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "it/score-kill?" + query))
                .timeout(Duration.ofMinutes(10)).build();
    }
}
