package org.kaowu.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.certificate.CertificateNumberRule;
import org.kaowu.domain.certificate.VerificationCode;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.CertificateQueryService;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code certificateNumbering} job, started through {@link CertificateService} (which goes through
 * {@link BatchJobService}) on a per-test dataset: batch status, step metrics, run figures, and the rows — every
 * passer numbered once, numbers unique and gap-free per (position, year) sequence in ticket order, codes unique and
 * well-formed; a re-run numbers only a late passer; a stop mid-job and a restart end with exactly the same result;
 * a misconfigured rule or a sequence too small is refused before the job starts and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateNumberingIT {

    private static final String ADMIN = "admin";

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(CertificateNumberingIT.class, CertificateFixtures.class, CertificateFixtures.Dataset.class);
    }

    @Inject ExamService exams;
    @Inject CertificateService certificates;
    @Inject CertificateQueryService queries;
    @Inject BatchJobService jobs;

    @Test
    void numbersEveryPasserOnceGapFreeAndStable() {
        CertificateFixtures.Dataset d = CertificateFixtures.passers(exams, 1_500, 7);
        assertEquals(1_500 - 214 + 1_500, d.passers());
        certificates.publishPassList(ADMIN, d.batch().getId());

        long runId = certificates.start(ADMIN, d.batch().getId());
        long execution = waitForEnd(runId);
        assertEquals(BatchStatus.COMPLETED, jobs.execution(execution).getBatchStatus());
        Map<Metric.MetricType, Long> metrics = metrics(execution);
        System.out.println("[certificates] metrics of the numbering step: " + metrics);
        assertEquals(d.passers(), metrics.get(Metric.MetricType.READ_COUNT));
        assertEquals(d.passers(), metrics.get(Metric.MetricType.WRITE_COUNT));
        CertificateService.Run run = certificates.run(ADMIN, runId);
        assertEquals(d.passers(), run.data().getToNumber());
        assertEquals(d.passers(), run.data().getNumbered());

        Map<String, String> before = assertGapFree(d);
        assertEquals(3 * 2, CertificateFixtures.count("SELECT COUNT(*) FROM outbox_message WHERE body LIKE '%"
                + d.batch().getName() + "%' AND body LIKE '%证书编号%'"), "an SMS per certificate of the 3 with a mobile");

        // stable: nothing left to number is refused before any job starts
        BusinessException nothing = assertThrows(BusinessException.class, () -> certificates.start(ADMIN, d.batch().getId()));
        assertEquals("certificate.numbering.nothing", nothing.getMessageKey());
        // a late passer (e.g. after a score review) gets the next number; nobody else's number moves
        Position first = d.positions().get(0);
        assertEquals(1, CertificateFixtures.update("UPDATE score SET verdict = 'PASS', score = 61 WHERE position_id = "
                + first.getId() + " AND ticket_id = " + (d.base() - 7)));
        long again = waitForEnd(certificates.start(ADMIN, d.batch().getId()));
        assertEquals(BatchStatus.COMPLETED, jobs.execution(again).getBatchStatus());
        List<String[]> rows = CertificateFixtures.certificates(first.getId());
        assertEquals(d.passersByPosition().get(first.getId()) + 1, rows.size());
        CertificateNumberRule rule = certificates.rule(d.batch().getId());
        int year = d.batch().getSchedule().getExamStart().getYear();
        String late = rows.stream().filter(r -> r[2].endsWith("0000000007")).findFirst().orElseThrow()[0];
        assertEquals(rule.format(year, first.getCode(), rows.size()), late);
        for (String[] r : rows) {
            if (!r[2].endsWith("0000000007")) {
                assertEquals(before.get(r[2] + "/" + first.getId()), r[0], "issued numbers never move");
            }
        }
        // the pass list cannot be withdrawn once certificates exist
        BusinessException withdraw = assertThrows(BusinessException.class,
                () -> certificates.withdrawPassList(ADMIN, d.batch().getId()));
        assertEquals("certificate.passList.hasCertificates", withdraw.getMessageKey());
    }

    @Test
    void stopMidJobAndRestartEndsExactly() {
        CertificateFixtures.Dataset d = CertificateFixtures.passers(exams, 30_000, 0);
        certificates.publishPassList(ADMIN, d.batch().getId());
        long runId = certificates.start(ADMIN, d.batch().getId());
        TestData.waitUntil(() -> certificates.run(ADMIN, runId).data().getNumbered() >= 2_000, Duration.ofMinutes(2));
        certificates.stop(ADMIN, runId);
        long first = waitForEnd(runId);
        assertEquals(BatchStatus.STOPPED, jobs.execution(first).getBatchStatus());
        long partial = certificates.run(ADMIN, runId).data().getNumbered();
        long stored = CertificateFixtures.count("SELECT COUNT(*) FROM certificate WHERE batch_id = " + d.batch().getId());
        System.out.println("[certificates] stopped after " + stored + " of " + d.passers());
        assertEquals(stored, partial, "the run's figure commits with the certificates");
        assertTrue(stored > 0 && stored < d.passers(), "stopped mid-job: " + stored);
        for (Position p : d.positions()) {
            List<String[]> rows = CertificateFixtures.certificates(p.getId());
            CertificateNumberRule rule = certificates.rule(d.batch().getId());
            int year = d.batch().getSchedule().getExamStart().getYear();
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rule.format(year, p.getCode(), i + 1), rows.get(i)[0], "gap-free so far, in ticket order");
            }
        }

        certificates.restart(ADMIN, runId);
        long second = waitForEnd(runId);
        assertTrue(second != first);
        assertEquals(BatchStatus.COMPLETED, jobs.execution(second).getBatchStatus());
        assertEquals(d.passers(), certificates.run(ADMIN, runId).data().getNumbered());
        assertGapFree(d);
    }

    @Test
    void misconfiguredRuleOrFullSequenceIsRefusedBeforeTheJob() {
        CertificateFixtures.Dataset d = CertificateFixtures.passers(exams, 12, 0);
        BusinessException early = assertThrows(BusinessException.class, () -> certificates.start(ADMIN, d.batch().getId()));
        assertEquals("certificate.numbering.passListNotPublished", early.getMessageKey());
        certificates.publishPassList(ADMIN, d.batch().getId());
        BusinessException invalid = assertThrows(BusinessException.class,
                () -> certificates.saveRule(ADMIN, d.batch().getId(), "{yyyy}{seq:6}"));
        assertEquals("certificate.rule.invalid", invalid.getMessageKey());
        assertTrue(String.valueOf(invalid.getArguments()[1]).contains("{position}"), "says why: " + invalid.getArguments()[1]);
        assertThrows(BusinessException.class, () -> certificates.saveRule(ADMIN, d.batch().getId(), "{province}{yyyy}{position}{seq:6}X"));
        certificates.saveRule(ADMIN, d.batch().getId(), "C{yy}{position}{seq:1}");
        BusinessException full = assertThrows(BusinessException.class, () -> certificates.start(ADMIN, d.batch().getId()));
        assertEquals("certificate.rule.capacity", full.getMessageKey());
        System.out.println("[certificates] capacity refusal: " + full.getArguments()[1]);
        assertEquals(0, certificates.overview(ADMIN, d.batch().getId()).runs().size(), "no run recorded");
        assertEquals(0, certificates.overview(ADMIN, d.batch().getId()).certificates());

        certificates.saveRule(ADMIN, d.batch().getId(), "C{yy}{position}-{seq:2}");
        long execution = waitForEnd(certificates.start(ADMIN, d.batch().getId()));
        assertEquals(BatchStatus.COMPLETED, jobs.execution(execution).getBatchStatus());
        String yy = String.valueOf(d.batch().getSchedule().getExamStart().getYear() % 100);
        assertEquals("C" + yy + d.positions().get(0).getCode() + "-12",
                CertificateFixtures.certificates(d.positions().get(0).getId()).get(11)[0]);
        BusinessException fixed = assertThrows(BusinessException.class,
                () -> certificates.saveRule(ADMIN, d.batch().getId(), null));
        assertEquals("certificate.rule.numbered", fixed.getMessageKey());
    }

    @Test
    void thePassListNeedsPublishedScoresAndShowsMaskedIds() {
        CertificateFixtures.Dataset d = CertificateFixtures.passers(exams, 5, 2);
        CertificateFixtures.update("UPDATE score_publication SET published = FALSE WHERE batch_id = " + d.batch().getId());
        BusinessException e = assertThrows(BusinessException.class, () -> certificates.publishPassList(ADMIN, d.batch().getId()));
        assertEquals("certificate.passList.scoresNotPublished", e.getMessageKey());
        assertThrows(BusinessException.class, () -> queries.passList(d.batch().getId()));
        CertificateFixtures.update("UPDATE score_publication SET published = TRUE WHERE batch_id = " + d.batch().getId());
        assertThrows(BusinessException.class, () -> certificates.publishPassList("operator", d.batch().getId()));
        assertEquals(5 - 2 + 5, certificates.publishPassList(ADMIN, d.batch().getId()));
        CertificateQueryService.PassListView list = queries.passList(d.batch().getId());
        assertEquals(8, list.passers().size());
        assertTrue(list.passers().stream().allMatch(p -> p.maskedId().length() == 18 && p.maskedId().contains("********")
                && p.maskedId().startsWith(d.prefix().substring(0, 6))), "masked: " + list.passers().get(0));
        certificates.withdrawPassList(ADMIN, d.batch().getId());
        assertThrows(BusinessException.class, () -> queries.passList(d.batch().getId()));
    }

    /** Per position: one certificate per passer, numbers 1..n of the sequence in ticket order, codes unique. */
    private Map<String, String> assertGapFree(CertificateFixtures.Dataset d) {
        CertificateNumberRule rule = certificates.rule(d.batch().getId());
        int year = d.batch().getSchedule().getExamStart().getYear();
        Map<String, String> numbers = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (Position p : d.positions()) {
            List<String[]> rows = CertificateFixtures.certificates(p.getId());
            assertEquals(d.passersByPosition().get(p.getId()), (long) rows.size(), "one certificate per passer of " + p.getCode());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(rule.format(year, p.getCode(), i + 1), rows.get(i)[0]);
                assertTrue(VerificationCode.isWellFormed(rows.get(i)[1]), rows.get(i)[1]);
                assertTrue(codes.add(rows.get(i)[1]), "codes unique");
                numbers.put(rows.get(i)[2] + "/" + p.getId(), rows.get(i)[0]);
            }
        }
        return numbers;
    }

    /** Waits for any terminal status of the run's current execution; returns that execution. */
    private long waitForEnd(long runId) {
        long[] execution = new long[1];
        TestData.waitUntil(() -> {
            Long id = certificates.run(ADMIN, runId).data().getExecutionId();
            if (id == null) {
                return false;
            }
            execution[0] = id;
            return BatchJobService.TERMINAL.contains(jobs.execution(id).getBatchStatus());
        }, Duration.ofMinutes(5));
        return execution[0];
    }

    private Map<Metric.MetricType, Long> metrics(long execution) {
        Map<Metric.MetricType, Long> sums = new HashMap<>();
        for (StepExecution step : jobs.steps(execution)) {
            for (Metric m : step.getMetrics()) {
                sums.merge(m.getType(), m.getValue(), Long::sum);
            }
        }
        return sums;
    }
}
