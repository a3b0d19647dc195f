package org.kaowu.it;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.NotificationService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registration rules of manual section 4, enforced by the service against the database. */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(RegistrationIT.class);
    }

    @Inject
    AccountService accounts;
    @Inject
    ProfileService profiles;
    @Inject
    ExamService exams;
    @Inject
    RegistrationService registrations;
    @Inject
    NotificationService notifications;

    @Test
    void chooseThenSubmitTakesASeatKeepsASnapshotAndNotifies() {
        String id = Fixtures.completeCandidate(accounts, profiles);
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Set<Long> positions = positionIds(batch);

        Registration draft = registrations.choose(id, batch.getId(), site.getSite().getId(), positions);
        assertEquals(RegistrationStatus.DRAFT, draft.getStatus());
        assertTrue(draft.getRegistrationNo().startsWith(batch.getCode()), draft.getRegistrationNo());
        assertEquals(5, registrations.seatsLeft(site.getId()), "choosing takes no seat");

        Registration submitted = registrations.submit(id, draft.getId());
        assertEquals(RegistrationStatus.SUBMITTED, submitted.getStatus());
        assertEquals(4, registrations.seatsLeft(site.getId()));
        assertEquals("测试考生", submitted.getSnapName());
        assertNotNull(submitted.getSnapPhoto());
        String mobile = profiles.profile(id).mobile();
        assertEquals(1, notifications.search(Channel.SMS, null, mobile, 0, 10).size());

        // a double click or a resent form changes nothing
        assertEquals(RegistrationStatus.SUBMITTED, registrations.submit(id, draft.getId()).getStatus());
        assertEquals(4, registrations.seatsLeft(site.getId()));
        assertEquals(1, notifications.search(Channel.SMS, null, mobile, 0, 10).size());

        // later profile edits do not change what the reviewers see
        var changed = Fixtures.profile(mobile);
        profiles.save(id, new org.kaowu.service.ProfileData("改过的名字", changed.ethnicity(), changed.politicalStatus(),
                changed.education(), changed.major(), changed.school(), changed.graduationDate(), changed.employer(),
                changed.mobile(), changed.email(), changed.address(), changed.postcode()), Map.of());
        assertEquals("测试考生", registrations.mine(id, draft.getId()).getSnapName());

        BusinessException locked = assertThrows(BusinessException.class,
                () -> registrations.choose(id, batch.getId(), site.getSite().getId(), positions));
        assertEquals("registration.notEditable", locked.getMessageKey());
    }

    @Test
    void oneRegistrationPerCandidateAndBatch() {
        String id = Fixtures.completeCandidate(accounts, profiles);
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        Long siteId = exams.sitesOf(batch.getId()).get(0).getSite().getId();
        Registration first = registrations.choose(id, batch.getId(), siteId, positionIds(batch));
        Registration again = registrations.choose(id, batch.getId(), siteId, Set.of(positionIds(batch).iterator().next()));
        assertEquals(first.getId(), again.getId());
        assertEquals(1, registrations.mine(id).stream().filter(r -> r.getBatch().getId().equals(batch.getId())).count());
        assertEquals(1, again.getPositions().size());
    }

    @Test
    void anIncompleteProfileCannotBeSubmitted() {
        String id = TestData.idNumber();
        accounts.register(id, Fixtures.PASSWORD.toCharArray(), Fixtures.PASSWORD.toCharArray(), TestData.clientAddress());
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Registration draft = registrations.choose(id, batch.getId(), site.getSite().getId(), positionIds(batch));
        BusinessException e = assertThrows(BusinessException.class, () -> registrations.submit(id, draft.getId()));
        assertEquals("registration.profileIncomplete", e.getMessageKey());
        assertEquals(5, registrations.seatsLeft(site.getId()));
        assertEquals(RegistrationStatus.DRAFT, registrations.mine(id, draft.getId()).getStatus());
    }

    @Test
    void tamperedRequestsAreRefusedAndChangeNothing() {
        String id = Fixtures.completeCandidate(accounts, profiles);
        String other = Fixtures.completeCandidate(accounts, profiles);
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        ExamBatch otherBatch = Fixtures.openBatch(exams, 5);
        Long siteId = exams.sitesOf(batch.getId()).get(0).getSite().getId();
        Long foreignSite = exams.sitesOf(otherBatch.getId()).get(0).getSite().getId();

        assertKey("registration.siteNotInBatch", () -> registrations.choose(id, batch.getId(), foreignSite, positionIds(batch)));
        assertKey("registration.positionNotInBatch", () -> registrations.choose(id, batch.getId(), siteId, positionIds(otherBatch)));
        assertKey("registration.positionRequired", () -> registrations.choose(id, batch.getId(), siteId, Set.of()));
        assertKey("registration.siteRequired", () -> registrations.choose(id, batch.getId(), null, positionIds(batch)));
        assertKey("batch.notFound", () -> registrations.choose(id, -1L, siteId, positionIds(batch)));
        ExamBatch closed = Fixtures.closedBatch(exams);
        assertKey("registration.closed", () -> registrations.choose(id, closed.getId(),
                exams.sitesOf(closed.getId()).get(0).getSite().getId(), positionIds(closed)));
        assertTrue(registrations.mine(id).isEmpty(), "nothing was created");

        Registration others = registrations.choose(other, batch.getId(), siteId, positionIds(batch));
        assertKey("registration.notFound", () -> registrations.submit(id, others.getId()));
        assertKey("registration.notFound", () -> registrations.mine(id, others.getId()));
        assertKey("registration.notFound", () -> registrations.withdraw(id, others.getId()));
        assertEquals(RegistrationStatus.DRAFT, registrations.mine(other, others.getId()).getStatus());
    }

    @Test
    void withdrawingGivesTheSeatBackAndTheCandidateMaySubmitAgain() {
        String id = Fixtures.completeCandidate(accounts, profiles);
        ExamBatch batch = Fixtures.openBatch(exams, 1);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Registration r = registrations.choose(id, batch.getId(), site.getSite().getId(), positionIds(batch));
        registrations.submit(id, r.getId());
        assertEquals(0, registrations.seatsLeft(site.getId()));

        assertEquals(RegistrationStatus.WITHDRAWN, registrations.withdraw(id, r.getId()).getStatus());
        assertEquals(1, registrations.seatsLeft(site.getId()));
        assertKey("registration.cannotWithdraw", () -> registrations.withdraw(id, r.getId()));

        registrations.choose(id, batch.getId(), site.getSite().getId(), positionIds(batch));
        assertEquals(RegistrationStatus.SUBMITTED, registrations.submit(id, r.getId()).getStatus());
        assertEquals(0, registrations.seatsLeft(site.getId()));
    }

    @Test
    void aFullSiteSaysSoAndKeepsTheDraft() {
        ExamBatch batch = Fixtures.openBatch(exams, 1);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        String first = Fixtures.completeCandidate(accounts, profiles);
        String second = Fixtures.completeCandidate(accounts, profiles);
        registrations.submit(first, registrations.choose(first, batch.getId(), site.getSite().getId(), positionIds(batch)).getId());
        Registration late = registrations.choose(second, batch.getId(), site.getSite().getId(), positionIds(batch));
        BusinessException full = assertThrows(BusinessException.class, () -> registrations.submit(second, late.getId()));
        assertEquals("registration.full", full.getMessageKey());
        assertEquals(RegistrationStatus.DRAFT, registrations.mine(second, late.getId()).getStatus());
        assertEquals(0, registrations.seatsLeft(site.getId()));
    }

    @Test
    void theRegistrationFormPdfCarriesTheFactsInChinese() throws Exception {
        String id = Fixtures.completeCandidate(accounts, profiles);
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);
        Registration r = registrations.choose(id, batch.getId(), site.getSite().getId(), positionIds(batch));
        registrations.submit(id, r.getId());

        byte[] pdf = registrations.formPdf(id, r.getId());
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        for (String expected : List.of("报名表", "测试考生", batch.getName(), site.getSite().getName(),
                r.getRegistrationNo(), "待审核", id)) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in: " + text);
        }
        for (Position p : batch.getPositions()) {
            assertTrue(text.contains(p.getName()), () -> "missing " + p.getName() + " in: " + text);
        }
        assertKey("registration.notFound", () -> registrations.formPdf(Fixtures.completeCandidate(accounts, profiles), r.getId()));
    }

    /** 200 candidates submit at the same moment for the last 20 seats: exactly 20 get one. */
    @Test
    void neverOversoldUnderARace() throws Exception {
        int candidates = 200;
        int seats = 20;
        ExamBatch batch = Fixtures.openBatch(exams, seats);
        BatchSite site = exams.sitesOf(batch.getId()).get(0);

        List<Map.Entry<String, Long>> drafts = Fixtures.drafts(candidates, accounts, profiles, registrations, batch, site);

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Fixtures.submitAll(registrations, drafts, outcomes);

        assertEquals(Map.of("SUBMITTED", seats, "registration.full", candidates - seats), outcomes);
        assertEquals(0, registrations.seatsLeft(site.getId()));
        long submitted = drafts.stream()
                .filter(d -> registrations.mine(d.getKey(), d.getValue()).getStatus() == RegistrationStatus.SUBMITTED)
                .count();
        assertEquals(seats, submitted);
    }

    private static Set<Long> positionIds(ExamBatch batch) {
        return batch.getPositions().stream().map(Position::getId).collect(Collectors.toSet());
    }

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable action) {
        BusinessException e = assertThrows(BusinessException.class, action);
        assertEquals(key, e.getMessageKey());
    }
}
