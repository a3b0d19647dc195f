package org.kaowu.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.account.AccessThrottles;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.notification.Channel;
import org.kaowu.exception.AccessDeniedException;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.BatchJobService;
import org.kaowu.service.ExamService;
import org.kaowu.service.NotificationService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreQueryService;
import org.kaowu.service.ScoreService;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 成绩查询 against the database: unpublished scores are invisible (and indistinguishable from none), publication
 * tells the candidates, results show the masked ID, a wrong name finds nothing, withdrawal hides them again,
 * bad input and too many queries from one address are refused; who may publish.
 */
@ExtendWith(ArquillianExtension.class)
class ScoreQueryIT {

    private static final String ADMIN = TicketFixtures.ADMIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ScoreQueryIT.class, ScoreDataset.class, ScoreDataset.Person.class,
                ScoreDataset.Data.class, TicketFixtures.class, TicketFixtures.Services.class, TicketFixtures.Submitted.class);
    }

    @Inject ExamService exams;
    @Inject RoomService rooms;
    @Inject ScoreService scores;
    @Inject ScoreQueryService queries;
    @Inject BatchJobService jobs;
    @Inject NotificationService notifications;
    @Resource(lookup = "jdbc/kaowu") DataSource ds;

    @Test
    void onlyPublishedScoresAreFoundWithTheIdMasked() {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, 2);
        ScoreDataset.Person p = d.people().get(0);
        ScoreDataset.Person other = d.people().get(1);
        String csv = ScoreDataset.HEADER + "\r\n" + d.line(p, d.first(), "72.5", "正常") + "\r\n"
                + d.line(p, d.second(), "", "违纪") + "\r\n" + d.line(other, d.first(), "90", "正常") + "\r\n";
        Long importId = scores.upload(ADMIN, d.batch().getId(), "q.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).getId();
        long execution = scores.start(ADMIN, importId);
        TestData.waitUntil(() -> jobs.isFinished(execution), Duration.ofMinutes(2));
        assertEquals(ScoreService.RunState.COMPLETED, scores.run(ADMIN, importId).state());

        // imported, not published: nothing, exactly as for somebody without scores
        String address = TestData.clientAddress();
        assertEquals(List.of(), queries.query(p.name(), p.idNumber(), address));
        assertEquals(List.of(), queries.query("无此人", TestData.idNumber(), address));
        assertEquals(List.of(), queries.mine(p.idNumber()));

        // only province admins publish; operators import
        assertThrows(AccessDeniedException.class, () -> scores.publish("operator", d.batch().getId()));
        assertEquals(2, scores.publish(ADMIN, d.batch().getId()));
        assertTrue(notifications.search(Channel.SMS, null, p.mobile(), 0, 10).stream()
                .anyMatch(m -> m.getBody().contains("成绩已发布") && m.getBody().contains(d.batch().getName())));
        Long late = scores.upload(ADMIN, d.batch().getId(), "late.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).getId();
        assertKey("score.import.published", () -> scores.start(ADMIN, late));

        List<ScoreQueryService.Result> found = queries.query(" " + p.name() + " ", p.idNumber().toLowerCase(), address);
        assertEquals(1, found.size());
        ScoreQueryService.Result r = found.get(0);
        assertEquals(d.batch().getName(), r.batchName());
        assertEquals(IdNumber.mask(p.idNumber()), r.maskedId());
        assertTrue(r.maskedId().contains("********") && !r.maskedId().equals(p.idNumber()));
        assertEquals(p.ticketNo(), r.ticketNo());
        assertEquals(2, r.lines().size());
        assertEquals("72.5", r.lines().get(0).score().toPlainString());
        assertEquals("PASS", r.lines().get(0).verdict().name());
        assertEquals(null, r.lines().get(1).score());
        assertEquals("MISCONDUCT", r.lines().get(1).status().name());
        assertEquals("FAIL", r.lines().get(1).verdict().name());
        assertEquals(found, queries.mine(p.idNumber()));
        // the right ID with another name: the same "nothing" as no scores at all
        assertEquals(List.of(), queries.query(other.name() + "某", p.idNumber(), address));

        // withdrawn: invisible again at once (the cache is dropped after the commit)
        scores.withdraw(ADMIN, d.batch().getId());
        assertEquals(List.of(), queries.query(p.name(), p.idNumber(), address));
        assertEquals(List.of(), queries.mine(p.idNumber()));
        scores.publish(ADMIN, d.batch().getId());
        assertEquals(1, queries.query(p.name(), p.idNumber(), TestData.clientAddress()).size());
    }

    @Test
    void badInputAndFloodsAreRefused() {
        String address = TestData.clientAddress();
        assertKey("query.score.nameRequired", () -> queries.query(" ", TestData.idNumber(), address));
        assertKey("query.score.idRequired", () -> queries.query("张三", null, address));
        assertKey("query.score.idInvalid", () -> queries.query("张三", "110105194912310021", address));
        assertKey("query.score.idInvalid", () -> queries.query("张三", "'; drop table score;--", address));
        String flood = TestData.clientAddress();
        for (int i = 0; i < AccessThrottles.SCORE_QUERIES; i++) {
            queries.query("张三", TestData.idNumber(), flood);
        }
        assertKey("query.score.tooMany", () -> queries.query("张三", TestData.idNumber(), flood));
        // another address is not affected
        assertEquals(List.of(), queries.query("张三", TestData.idNumber(), TestData.clientAddress()));
    }

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable action) {
        BusinessException e = assertThrows(BusinessException.class, action);
        assertEquals(key, e.getMessageKey());
    }
}
