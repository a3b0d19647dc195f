package org.kaowu.it.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.it.Browser;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.ScoreDataset;
import org.kaowu.it.TicketFixtures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The score import at scale: a generated CSV of {@code bench.scoreLines} lines (default 1,000,000; two subjects per
 * candidate, tickets inserted in bulk by the test-only {@link ScoreBenchServlet}) through the real
 * {@code scoreImport} job, next to {@code COPY} of the same file into a plain table on the same PostgreSQL in the
 * same run (goal: the job at ≥ 0.5× COPY's rate), and next to one set-based {@code INSERT … SELECT} of the same
 * rows into a copy of {@code score} with its constraints (what any writer that keeps them pays). On H2 there is no COPY: the import is measured alone. Prints
 * figures; asserts only that the import completed. {@code ./mvnw verify -Pbenchmark [-Ppostgresql]
 * -Dbench.scoreLines=N} (the property reaches this client JVM through failsafe's argLine/-D as usual).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreImportBenchmark {

    private static final int LINES = Integer.getInteger("bench.scoreLines", 1_000_000);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ScoreBenchServlet.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
    }

    @Test
    void importAgainstCopy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Browser.BASE_URL + "bench/scores?step=import&lines=" + LINES))
                .timeout(Duration.ofMinutes(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String[] f = response.body().strip().split(" ");
        long lines = Long.parseLong(f[0]);
        long bytes = Long.parseLong(f[1]);
        long ticketsMs = Long.parseLong(f[2]);
        long jobMs = Long.parseLong(f[3]);
        long checkMs = Long.parseLong(f[4]);
        long chunkMs = Long.parseLong(f[5]);
        long copyMs = Long.parseLong(f[9]);
        assertEquals("COMPLETED", f[6]);
        assertEquals(lines, Long.parseLong(f[7]), "every line imported");
        double jobRate = lines / (jobMs / 1000.0);
        System.out.printf("%n[benchmark] score import, %s: N = %,d lines (%,d bytes), %,d candidates with tickets"
                + " inserted by JDBC batches in %,d ms%n", f[10], lines, bytes, lines / 2, ticketsMs);
        System.out.printf("[benchmark] scoreImport job (start to COMPLETED): %,d ms = %,.0f lines/s"
                + " (step checkFile %,d ms, step importScores %,d ms = %,.0f lines/s)%n",
                jobMs, jobRate, checkMs, chunkMs, lines / (chunkMs / 1000.0));
        if (copyMs < 0) {
            System.out.println("[benchmark] COPY baseline needs PostgreSQL (-Ppostgresql); measured the import alone");
        } else {
            double copyRate = lines / (copyMs / 1000.0);
            System.out.printf("[benchmark] COPY of the same file into a plain table: %,d ms = %,.0f lines/s%n", copyMs, copyRate);
            System.out.printf("[benchmark] ratio job / COPY = %.3f (goal >= 0.5)%n", jobRate / copyRate);
            long setMs = Long.parseLong(f[11]);
            long setRows = Long.parseLong(f[12]);
            assertEquals(lines, setRows, "the set-based baseline wrote every line");
            double setRate = setRows / (setMs / 1000.0);
            System.out.printf("[benchmark] the same rows by one INSERT … SELECT (ticket, ID number, name and registered"
                    + " position checked by joins) into a copy of score with its indexes, checks and foreign keys:"
                    + " %,d ms = %,.0f lines/s = %.3f× COPY; ratio job / INSERT … SELECT = %.2f%n",
                    setMs, setRate, setRate / copyRate, jobRate / setRate);
            long keyedMs = Long.parseLong(f[13]);
            long bareMs = Long.parseLong(f[14]);
            System.out.printf("[benchmark] the same final rows, typed and checked, COPY'd into a copy of score with its"
                    + " primary and unique keys, index and checks but no foreign keys (the ceiling for any writer that"
                    + " keeps the keys): %,d ms = %.3f× COPY; into a bare copy, its indexes built afterwards (only for"
                    + " an empty table): %,d ms = %.3f× COPY%n", keyedMs, copyMs / (double) keyedMs, bareMs,
                    copyMs / (double) bareMs);
        }
        System.out.printf("[benchmark] load average during the run (end): %s%n%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
