package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of the {@code certificateNumbering} job: the test (a client) starts a run on a generated
 * batch, waits until some chunks have committed, kills the server hard and starts the domain again
 * ({@link ServerKill}), then continues the run the way the admin page does (继续: the old execution shows as 已中断
 * and the run goes on in a new execution) and checks exact counts: every passer numbered exactly once, the numbers
 * of each sequence 1..n in ticket order (no gap, no duplicate), codes unique and well-formed, and the run's figure
 * equal to the rows both at the kill and at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateNumberingKillIT {

    private static final int CANDIDATES = 100_000;
    private final TestServlet servlet = new TestServlet("it/certificate-kill");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(CertificateKillServlet.class, CertificateFixtures.class, CertificateFixtures.Dataset.class);
    }

    @Test
    void aRunTheServerWasKilledUnderIsContinuedWithExactCounts() throws Exception {
        String[] started = call("step=start&candidates=" + CANDIDATES).split(" ");
        long runId = Long.parseLong(started[0]);
        long batchId = Long.parseLong(started[1]);
        long passers = Long.parseLong(started[2]);
        TestData.waitUntil(() -> Long.parseLong(run(runId)[1]) >= 3_000, Duration.ofMinutes(5));
        // H2 writes commits to disk about once a second: a SIGKILL loses the last second's chunks (whole ones, so
        // still no gap), and the figure checked after the restart is what reached the disk
        Thread.sleep(3_000);

        ServerKill.killAndRestart(() -> {
            try {
                return servlet.answers("step=run&id=" + runId);
            } catch (Exception e) {
                return false;
            }
        });

        String[] atKill = run(runId);
        assertEquals("INTERRUPTED", atKill[0], String.join(" ", atKill));
        long numberedAtKill = Long.parseLong(atKill[1]);
        assertTrue(numberedAtKill > 0 && numberedAtKill < passers, "killed after " + numberedAtKill + " of " + passers);
        String[] rowsAtKill = call("step=rows&batch=" + batchId).split(" ");
        assertEquals(numberedAtKill, Long.parseLong(rowsAtKill[0]), "the run's figure commits with the certificates");
        assertEquals(rowsAtKill[0], rowsAtKill[1], "no duplicate number");
        assertEquals(rowsAtKill[0], rowsAtKill[2], "no duplicate code");
        assertEquals("gap-free", rowsAtKill[3]);

        long execution = Long.parseLong(call("step=restart&id=" + runId));
        assertNotEquals(atKill[2], String.valueOf(execution), "a new execution");
        TestData.waitUntil(() -> !"RUNNING".equals(run(runId)[0]) && !"STOPPING".equals(run(runId)[0]),
                Duration.ofMinutes(10));
        String[] done = run(runId);
        assertEquals("COMPLETED", done[0], String.join(" ", done));
        assertEquals(String.valueOf(execution), done[2]);
        assertEquals(passers, Long.parseLong(done[1]), "numbered");
        String[] rows = call("step=rows&batch=" + batchId).split(" ");
        assertEquals(passers, Long.parseLong(rows[0]), "every passer exactly once");
        assertEquals(passers, Long.parseLong(rows[1]), "numbers unique");
        assertEquals(passers, Long.parseLong(rows[2]), "codes unique");
        assertEquals("gap-free", rows[3]);
        System.out.printf("kill IT: %d passers, killed after %d numbered, continued in execution %d%n", passers,
                numberedAtKill, execution);
    }

    private String[] run(long runId) {
        return servlet.fields("step=run&id=" + runId);
    }

    private String call(String query) throws Exception {
        return servlet.call(query);
    }
}
