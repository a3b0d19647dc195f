package org.kaowu.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.exception.BusinessException;
import org.kaowu.infrastructure.persistence.SchemaMigrator;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.ExamService;
import org.kaowu.service.SystemService;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation inside the server: schema migrated, persistence through services, batch wiring. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(FoundationIT.class);
    }

    @Inject
    SchemaMigrator migrator;
    @Inject
    SystemService system;
    @Inject
    ExamService exams;
    @Inject
    BatchJobService jobs;

    @Test
    void migrationsRanAtStartUp() {
        assertEquals(0, migrator.pendingCount(), "no migration left pending");
        assertTrue(migrator.appliedCount() >= 1);
        assertNotNull(system.schemaVersion());
        assertTrue(system.isDatabaseUp());
    }

    @Test
    void siteRoundTripsThroughTheService() {
        String code = TestData.code(8);
        ExamSite created = exams.createSite(new ExamSite(code, "测试考点（" + code + "）", "杭州市西湖区文三路 1 号"));
        assertNotNull(created.getId());

        ExamSite found = exams.findSiteByCode(code).orElseThrow();
        assertEquals(created.getId(), found.getId());
        assertEquals("测试考点（" + code + "）", found.getName());
        assertEquals("杭州市西湖区文三路 1 号", found.getAddress());
    }

    @Test
    void duplicateSiteCodeIsRefusedWithItsOwnMessage() {
        String code = TestData.code(8);
        exams.createSite(new ExamSite(code, "甲", "地址"));
        BusinessException e = assertThrows(BusinessException.class,
                () -> exams.createSite(new ExamSite(code, "乙", "地址")));
        assertEquals("site.codeTaken", e.getMessageKey());
        assertEquals("甲", exams.findSiteByCode(code).orElseThrow().getName());
    }

    @Test
    void contradictoryScheduleChangesNothing() {
        String code = TestData.code(10);
        LocalDateTime now = LocalDateTime.now();
        // registration ends before it starts
        BatchSchedule schedule = new BatchSchedule(now, now.minusDays(1), now.plusDays(2), now.plusDays(2),
                now.plusDays(10), now.plusDays(10).plusHours(3));
        BusinessException e = assertThrows(BusinessException.class,
                () -> exams.createBatch(new ExamBatch(code, "矛盾的批次", schedule)));
        assertEquals("batch.schedule.registrationOrder", e.getMessageKey());
        assertTrue(exams.findBatchByCode(code).isEmpty());
    }

    @Test
    void trivialBatchJobRunsToCompletionThroughTheFacade() {
        long executionId = jobs.start("ping", new Properties());
        TestData.waitUntil(() -> jobs.isFinished(executionId), Duration.ofSeconds(60));

        JobExecution execution = jobs.execution(executionId);
        assertEquals(BatchStatus.COMPLETED, execution.getBatchStatus());
        assertEquals("SCHEMA " + system.schemaVersion(), execution.getExitStatus());
        assertEquals(1, jobs.steps(executionId).size());
    }
}
