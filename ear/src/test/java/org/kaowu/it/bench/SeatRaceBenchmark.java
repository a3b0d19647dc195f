package org.kaowu.it.bench;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;
import org.kaowu.it.Fixtures;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seat race of manual section 4 at scale: 500 submissions at once for 100 seats through
 * RegistrationService, timed, next to 500 concurrent plain single-row UPDATEs of the same batch_site row
 * on the same database in the same run. Prints figures; asserts only correctness (exactly 100 seats).
 */
@ExtendWith(ArquillianExtension.class)
class SeatRaceBenchmark {

    private static final int SUBMISSIONS = 500;
    private static final int SEATS = 100;

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(SeatRaceBenchmark.class);
    }

    @Inject
    AccountService accounts;
    @Inject
    ProfileService profiles;
    @Inject
    ExamService exams;
    @Inject
    RegistrationService registrations;
    @Resource(lookup = "jdbc/kaowu")
    DataSource dataSource;

    @Test
    void submissionsForTheLastSeatsAgainstPlainUpdates() throws Exception {
        ExamBatch batch = Fixtures.openBatch(exams, SEATS);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Set<Long> positions = batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());

        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<Map.Entry<String, Long>>> prepared = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            prepared.add(setup.submit(() -> {
                String id = Fixtures.completeCandidate(accounts, profiles);
                return Map.entry(id, registrations.choose(id, batch.getId(), site.getSite().getId(), positions).getId());
            }));
        }
        List<Map.Entry<String, Long>> drafts = new ArrayList<>();
        for (Future<Map.Entry<String, Long>> f : prepared) {
            drafts.add(f.get());
        }
        setup.shutdown();

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        double submitMillis = race(drafts.stream().<Callable<Void>>map(d -> () -> {
            String outcome;
            try {
                outcome = registrations.submit(d.getKey(), d.getValue()).getStatus().name();
            } catch (BusinessException e) {
                outcome = e.getMessageKey();
            }
            outcomes.merge(outcome, 1, Integer::sum);
            return null;
        }).toList());
        assertEquals(Map.of("SUBMITTED", SEATS, "registration.full", SUBMISSIONS - SEATS), outcomes);

        // baseline: the same number of single-row updates of the same row, each its own transaction
        double updateMillis = race(java.util.stream.IntStream.range(0, SUBMISSIONS).<Callable<Void>>mapToObj(i -> () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("UPDATE batch_site SET version = version WHERE id = ?")) {
                s.setLong(1, site.getId());
                s.executeUpdate();
            }
            return null;
        }).toList());

        System.out.printf("%n[benchmark] %d submissions for %d seats: all answered in %.0f ms (%.0f/s)%n",
                SUBMISSIONS, SEATS, submitMillis, SUBMISSIONS / submitMillis * 1000);
        System.out.printf("[benchmark] %d plain single-row UPDATEs of the same row: %.0f ms (%.0f/s)%n",
                SUBMISSIONS, updateMillis, SUBMISSIONS / updateMillis * 1000);
        System.out.printf("[benchmark] ratio submissions / plain updates = %.2f%n%n", updateMillis / submitMillis);
    }

    /** Runs all tasks at once behind a start gate; returns the wall time until the last one answered. */
    private static double race(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Void>> runs = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            runs.add(pool.submit(() -> {
                gate.await();
                return task.call();
            }));
        }
        long start = System.nanoTime();
        gate.countDown();
        for (Future<Void> run : runs) {
            run.get();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        pool.shutdown();
        return millis;
    }
}
