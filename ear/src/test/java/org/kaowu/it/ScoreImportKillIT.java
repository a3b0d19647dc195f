package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of an import: the test (a client) starts the import of a generated file, waits until the
 * first chunks have committed, kills the test domain's server JVM hard ({@code destroyForcibly}, i.e. SIGKILL),
 * starts the same domain again ({@link ServerKill}), then continues the run the way the admin page does — the old
 * execution shows as 已中断 and goes on in a new execution from the run's last committed line — and checks exact
 * counts: every good line stored once, every rejection counted once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScoreImportKillIT {

    private static final int PEOPLE = 30_000;
    private final TestServlet servlet = new TestServlet("it/score-kill");

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

        ServerKill.killAndRestart(() -> {
            try {
                return servlet.answers("step=run&id=" + importId);
            } catch (Exception e) {
                return false;
            }
        });

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

    private String[] run(long importId) {
        return servlet.fields("step=run&id=" + importId);
    }

    private String call(String query) throws Exception {
        return servlet.call(query);
    }
}
