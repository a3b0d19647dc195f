package org.kaowu.it.bench;

import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.it.CertificateFixtures;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.it.TestData;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 证书编号 at scale: {@code N} passers (system property {@code bench.certificates}, default 1,000,000: N/2
 * candidates passing both positions of a batch) numbered by the {@code certificateNumbering} job, next to one
 * set-based SQL statement doing the same numbering of another batch of the same size on the same database in the
 * same run: {@code INSERT INTO certificate … SELECT … ROW_NUMBER() OVER (PARTITION BY position ORDER BY ticket_no)}
 * (certificates are inserted with their number in this schema, so the set-based form is an INSERT … SELECT rather
 * than an UPDATE; its verification codes are a deterministic counter, not random codes checked for clashes).
 * Prints figures; asserts only that everybody got a number. Rule {@code {seq:7}}: a sequence holds 999,999 with 6.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateNumberingBenchmark {

    private static final String ADMIN = "admin";
    private static final String RULE = "{province}{yyyy}{position}{seq:7}";

    /** Where the client's {@code -Dbench.certificates} travels: this test runs inside the server, not in failsafe's JVM. */
    private static final String SIZE = "bench-certificates.txt";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = KaowuDeployment.ear(CertificateNumberingBenchmark.class, CertificateFixtures.class,
                CertificateFixtures.Dataset.class);
        ear.getAsType(WebArchive.class, "kaowu-web.war").addAsResource(
                new StringAsset(String.valueOf(Integer.getInteger("bench.certificates", 1_000_000))), SIZE);
        return ear;
    }

    @Inject ExamService exams;
    @Inject CertificateService certificates;
    @Inject BatchJobService jobs;

    @Test
    void jobVersusOneSetBasedStatement() throws Exception {
        int passers;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SIZE)) {
            passers = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
        int candidates = passers / 2;

        long t0 = System.nanoTime();
        CertificateFixtures.Dataset job = CertificateFixtures.passers(exams, candidates, 0);
        CertificateFixtures.Dataset sql = CertificateFixtures.passers(exams, candidates, 0);
        double setup = seconds(t0);

        certificates.saveRule(ADMIN, job.batch().getId(), RULE);
        certificates.publishPassList(ADMIN, job.batch().getId());
        long start = System.nanoTime();
        long runId = certificates.start(ADMIN, job.batch().getId());
        long[] execution = new long[1];
        TestData.waitUntil(() -> {
            Long id = certificates.run(ADMIN, runId).data().getExecutionId();
            execution[0] = id == null ? 0 : id;
            return id != null && BatchJobService.TERMINAL.contains(jobs.execution(id).getBatchStatus());
        }, Duration.ofHours(1));
        double jobSeconds = seconds(start);
        assertEquals(BatchStatus.COMPLETED, jobs.execution(execution[0]).getBatchStatus());
        assertEquals(passers, CertificateFixtures.count("SELECT COUNT(*) FROM certificate WHERE batch_id = "
                + job.batch().getId()));

        int year = sql.batch().getSchedule().getExamStart().getYear();
        String number = "'33" + year + "' || p.code || LPAD(CAST(ROW_NUMBER() OVER (PARTITION BY s.position_id"
                + " ORDER BY t.ticket_no) AS VARCHAR(7)), 7, '0')";
        // 14 characters, unique per run (the dataset's prefix), like the dashed codes' length
        String code = "'Q" + sql.prefix().substring(0, 5) + "' || LPAD(CAST(ROW_NUMBER() OVER (ORDER BY s.id) AS VARCHAR(8)), 8, '0')";
        long base = sql.base();
        start = System.nanoTime();
        try (Connection c = CertificateFixtures.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO certificate (id, batch_id, registration_id, ticket_id, position_id,"
                    + " certificate_no, verification_code, pass_date, issued_at)"
                    + " SELECT " + base + " - ROW_NUMBER() OVER (ORDER BY s.id), s.batch_id, t.registration_id,"
                    + " s.ticket_id, s.position_id, " + number + ", " + code + ", CURRENT_DATE, CURRENT_TIMESTAMP"
                    + " FROM score s JOIN admission_ticket t ON t.id = s.ticket_id JOIN position p ON p.id = s.position_id"
                    + " WHERE s.batch_id = " + sql.batch().getId() + " AND s.verdict = 'PASS' AND NOT EXISTS"
                    + " (SELECT 1 FROM certificate ce WHERE ce.ticket_id = s.ticket_id AND ce.position_id = s.position_id)");
        }
        double sqlSeconds = seconds(start);
        assertEquals(passers, CertificateFixtures.count("SELECT COUNT(*) FROM certificate WHERE batch_id = "
                + sql.batch().getId()));

        String db;
        try (Connection c = CertificateFixtures.dataSource().getConnection()) {
            db = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        System.out.printf("%n[benchmark] certificate numbering, %,d passers in 2 sequences (%s; data set-up %.1f s)%n",
                passers, db, setup);
        System.out.printf("[benchmark]   certificateNumbering job (2 partitions, chunks of 1000, codes, SMS look-up): "
                + "%.1f s = %,.0f certificates/s%n", jobSeconds, passers / jobSeconds);
        System.out.printf("[benchmark]   one set-based INSERT … SELECT ROW_NUMBER() OVER (…):                  "
                + "%.1f s = %,.0f certificates/s%n", sqlSeconds, passers / sqlSeconds);
        System.out.printf("[benchmark]   job rate / set-based rate = %.2f (goal ≥ 0.5)%n%n", sqlSeconds / jobSeconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
