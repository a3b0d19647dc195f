package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.it.Browser;
import org.kaowu.it.HttpVisitor;
import org.kaowu.it.Journey;
import org.kaowu.it.KaowuDeployment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Login throughput through the real login path (GET /login, the CAPTCHA image, POST the form, driven by wrk
 * with {@code bench/login.lua}, which leaves the shared cores to the server; the server
 * verifies a PBKDF2-SHA256 hash at 600,000 iterations) next to the raw PBKDF2 rate of this machine,
 * measured in the same run on the same number of threads, each side after its JIT has settled. Prints figures; asserts only that logins
 * worked, never a timing. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginBenchmark {

    private static final String PASSWORD = RawPbkdf2.PASSWORD;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /**
     * Hashing is pure CPU: one thread per core saturates the machine. A login also waits (three HTTP round
     * trips, the database), during which its core would idle with one client per core; capacity is measured
     * with the server kept busy, so twice as many clients as cores.
     */
    private static final int LOGIN_CLIENTS = 2 * THREADS;
    private static final int WARM_UP_ROUND_SECONDS = 15;
    private static final int MAX_WARM_UP_ROUNDS = 60;
    private static final int MEASURE_SECONDS = 60;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(HashBenchServlet.class, RawPbkdf2.class);
    }

    @Test
    void loginThroughputAgainstRawHashRate() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < LOGIN_CLIENTS; i++) {
            accounts.add(HttpVisitor.register(PASSWORD));
        }
        List<String> args = new ArrayList<>(List.of(PASSWORD, Journey.CAPTCHA));
        args.addAll(accounts);
        ServerJvm server = ServerJvm.find();
        server.warmUp("logins/s", MAX_WARM_UP_ROUNDS, () -> {
            Map<String, Double> round = logIns(WARM_UP_ROUND_SECONDS, args);
            return round.get("logins") / round.get("seconds");
        });

        ServerJvm.Threads before = server.threads();
        Map<String, Double> run = logIns(MEASURE_SECONDS, args);
        ServerJvm.Threads after = server.threads();
        Map<String, Double> byThread = after.msSinceByKind(before);
        double logins = run.get("logins");
        double loginRate = logins / run.get("seconds");
        double serverMs = after.msSince(before) / logins;

        // Baselines: raw PBKDF2 on one thread per core, after a warm-up, in this JVM and inside the server.
        RawPbkdf2.run(THREADS, WARM_UP_ROUND_SECONDS);
        RawPbkdf2.Figures client = RawPbkdf2.run(THREADS, MEASURE_SECONDS);
        double hashRate = client.hashesPerSecond();
        double hashMs = client.cpuMsPerHash();
        serverHashes(WARM_UP_ROUND_SECONDS);
        String[] inServer = serverHashes(MEASURE_SECONDS);
        double serverHashRate = Double.parseDouble(inServer[0]);

        System.out.printf("%n[benchmark] login through /login: %.2f logins/s with %d clients (wrk, %d s), %.0f errors%n",
                loginRate, LOGIN_CLIENTS, MEASURE_SECONDS, run.get("errors"));
        System.out.printf("[benchmark] raw PBKDF2-HMAC-SHA256 x %,d on %d threads: %.2f hashes/s in the benchmark's JVM,"
                + " %.2f hashes/s inside the server%n", PasswordHasher.ITERATIONS, THREADS, hashRate, serverHashRate);
        System.out.printf("[benchmark] ratio login / raw hash = %.2f against the raw rate in the server's JVM, %.2f against"
                + " the benchmark's JVM (goal >= 0.9)%n", loginRate / serverHashRate, loginRate / hashRate);
        // CPU time per operation hardly depends on what else the machine runs: it shows where a login's cost goes.
        System.out.printf("[benchmark] server CPU per login %.1f ms; CPU per raw hash %.1f ms in the server, %.1f ms in the"
                + " benchmark's JVM%n", serverMs, Double.parseDouble(inServer[1]), hashMs);
        System.out.println("[benchmark] server CPU per login by thread: " + byThread.entrySet().stream().limit(6)
                .map(e -> String.format("%s %.1f ms", e.getKey(), e.getValue() / logins))
                .collect(Collectors.joining(", ")) + System.lineSeparator());
        assertEquals(0.0, run.get("errors"), "failed logins");
    }

    /** Raw PBKDF2 inside the server ({@link HashBenchServlet}): [hashes/s, CPU ms per hash]. */
    private static String[] serverHashes(int seconds) throws Exception {
        HttpResponse<String> response = new HttpVisitor().get("bench/hash?threads=" + THREADS + "&seconds=" + seconds);
        if (response.statusCode() != 200) {
            throw new AssertionError("in-server hashing: " + response.statusCode());
        }
        return response.body().strip().split(" ");
    }

    /** Logs the accounts in over and over with wrk, one connection per account. */
    private static Map<String, Double> logIns(int seconds, List<String> args) throws Exception {
        return Wrk.run("login.lua", LOGIN_CLIENTS, LOGIN_CLIENTS, seconds, Browser.BASE_URL, args);
    }
}
