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
import org.kaowu.it.Fixtures;
import org.kaowu.it.KaowuDeployment;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

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
        List<Map.Entry<String, Long>> drafts = Fixtures.drafts(SUBMISSIONS, accounts, profiles, registrations, batch, site);

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        double submitMillis = Fixtures.submitAll(registrations, drafts, outcomes);
        assertEquals(Map.of("SUBMITTED", SEATS, "registration.full", SUBMISSIONS - SEATS), outcomes);

        // baseline: the same number of single-row updates of the same row, each its own transaction
        double updateMillis = Fixtures.race(java.util.stream.IntStream.range(0, SUBMISSIONS).<Callable<Void>>mapToObj(i -> () -> {
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
}
