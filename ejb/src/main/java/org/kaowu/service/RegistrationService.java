package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.CandidateImageRepository;
import org.kaowu.domain.candidate.CandidateRepository;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.BatchStatus;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationRepository;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 考试报名 (manual section 4): the batches a candidate can sign up for, the three-step wizard's rules, and
 * the candidate's registrations. Every rule is checked here by the server clock, whatever the page showed.
 * A seat is taken at 提交审核 (not when choosing): a candidate who never submits holds nothing, and a seat
 * is given back on withdrawal or rejection.
 */
@Stateless
public class RegistrationService {

    @Inject
    private CandidateRepository candidates;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private RegistrationRepository registrations;
    @Inject
    private CandidateImageRepository images;
    @Inject
    private RegistrationForms forms;
    @Inject
    private Clock clock;

    @EJB
    private ProfileService profiles;
    @EJB
    private NotificationService notifications;

    /** 考试报名: batches open for registration, with this candidate's registration for each. */
    public List<BatchOverview> openBatches(@NotNull String idNumber) {
        Candidate candidate = candidate(idNumber);
        LocalDateTime now = now();
        return batches.findOpenForRegistration(now).stream()
                .map(batch -> new BatchOverview(batch,
                        batch.getPositions().stream().map(Position::getFee).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO),
                        batch.getPositions().stream().map(Position::getFee).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO),
                        registrations.find(candidate, batch).orElse(null),
                        batch.getSchedule().isRegistrationOpenAt(now)))
                .toList();
    }

    /** A batch the candidate may register for now, with its sites (seats left) and positions. */
    public ExamBatch openBatch(@NotNull Long batchId) {
        ExamBatch batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        requireOpen(batch);
        return batch;
    }

    public List<BatchSite> sitesOf(@NotNull Long batchId) {
        return batches.findSites(openBatch(batchId));
    }

    /** The candidate's registration for a batch, if one exists. */
    public java.util.Optional<Registration> forBatch(@NotNull String idNumber, @NotNull Long batchId) {
        ExamBatch batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
        return registrations.find(candidate(idNumber), batch);
    }

    /**
     * Step 2, 确认选择: the site (报考点) and positions (报考岗位), each checked against the batch. Creates the
     * registration (未提交) or changes it while it is still editable.
     */
    public Registration choose(@NotNull String idNumber, @NotNull Long batchId, Long siteId, Set<Long> positionIds) {
        Candidate candidate = candidate(idNumber);
        ExamBatch batch = openBatch(batchId);
        if (siteId == null) {
            throw new BusinessException("registration.siteRequired");
        }
        BatchSite site = batches.findSites(batch).stream().filter(bs -> bs.getSite().getId().equals(siteId))
                .findFirst().orElseThrow(() -> new BusinessException("registration.siteNotInBatch"));
        if (positionIds == null || positionIds.isEmpty()) {
            throw new BusinessException("registration.positionRequired");
        }
        Set<Position> chosen = new LinkedHashSet<>();
        for (Long positionId : positionIds) {
            chosen.add(batch.getPositions().stream().filter(p -> p.getId().equals(positionId)).findFirst()
                    .orElseThrow(() -> new BusinessException("registration.positionNotInBatch")));
        }
        LocalDateTime now = now();
        var existing = registrations.find(candidate, batch);
        if (existing.isPresent()) {
            Registration registration = existing.get();
            if (!registration.getStatus().isEditable()) {
                throw new BusinessException("registration.notEditable");
            }
            registration.choose(site, chosen, now);
            return registration;
        }
        Registration registration = new Registration(candidate, batch, site, chosen, now);
        try {
            registrations.persist(registration);
            registration.numberWithin(batch); // the id exists from persist on (sequence ids)
            registrations.flush();
        } catch (PersistenceException e) {
            // the same candidate choosing in two tabs at once: the unique constraint keeps one registration
            throw new BusinessException("registration.concurrentEdit");
        }
        return registration;
    }

    /**
     * 提交审核: takes a seat of the chosen site (名额已满 when none is left), keeps a snapshot of the profile
     * and photo, and tells the candidate by SMS and e-mail through the outbox, all in one transaction.
     * Submitting an already submitted registration again (double click, resent form) changes nothing.
     */
    public Registration submit(@NotNull String idNumber, @NotNull Long registrationId) {
        Candidate candidate = candidate(idNumber);
        Registration registration = owned(registrationId, candidate);
        if (registration.getStatus() == RegistrationStatus.SUBMITTED) {
            return registration;
        }
        if (!registration.getStatus().isEditable()) {
            throw new BusinessException("registration.notEditable");
        }
        requireOpen(registration.getBatch());
        if (!profiles.missingFields(idNumber).isEmpty()) {
            throw new BusinessException("registration.profileIncomplete");
        }
        if (!registrations.takeSeat(registration.getBatchSite().getId())) {
            throw new BusinessException("registration.full", registration.getBatchSite().getSite().getName());
        }
        byte[] photo = images.find(candidate, ImageKind.PHOTO).map(i -> i.toUploadedImage().bytes()).orElse(null);
        LocalDateTime now = now();
        registration.submit(candidate, photo, now);
        String text = NotificationTexts.text("sms.registrationSubmitted", registration.getBatch().getName(),
                registration.getRegistrationNo(), registration.getBatchSite().getSite().getName());
        if (candidate.getMobile() != null) {
            notifications.sms(candidate.getMobile(), text);
        }
        if (candidate.getEmail() != null) {
            notifications.email(candidate.getEmail(), NotificationTexts.text("email.registrationSubmitted.subject"), text);
        }
        return registration;
    }

    /** 撤回: before review only; the seat goes back to the site. */
    public Registration withdraw(@NotNull String idNumber, @NotNull Long registrationId) {
        Registration registration = owned(registrationId, candidate(idNumber));
        if (registration.getStatus() != RegistrationStatus.SUBMITTED) {
            throw new BusinessException("registration.cannotWithdraw");
        }
        registrations.releaseSeat(registration.getBatchSite().getId());
        registration.withdraw(now());
        return registration;
    }

    /** 报名记录: all of the candidate's registrations, newest first. */
    public List<Registration> mine(@NotNull String idNumber) {
        return registrations.findByCandidate(candidate(idNumber));
    }

    /** 报名查看: one of the candidate's own registrations; anybody else's is "not found". */
    public Registration mine(@NotNull String idNumber, @NotNull Long registrationId) {
        Registration registration = owned(registrationId, candidate(idNumber));
        registration.getPositions().size(); // loaded for the page and the PDF
        return registration;
    }

    /**
     * 打印: the 报名表 as PDF. Editable registrations show the profile as it stands; submitted ones the snapshot
     * the reviewers see.
     */
    public byte[] formPdf(@NotNull String idNumber, @NotNull Long registrationId) {
        return forms.render(owned(registrationId, candidate(idNumber)));
    }

    public int seatsLeft(@NotNull Long batchSiteId) {
        return registrations.seatsLeft(batchSiteId);
    }

    private Registration owned(Long registrationId, Candidate candidate) {
        return registrations.findOwned(registrationId, candidate)
                .orElseThrow(() -> new NotFoundException("registration.notFound"));
    }

    private void requireOpen(ExamBatch batch) {
        if (batch.getStatus() != BatchStatus.OPEN) {
            throw new BusinessException("registration.batchNotOpen", batch.getName());
        }
        LocalDateTime now = now();
        if (now.isBefore(batch.getSchedule().getRegistrationStart())) {
            throw new BusinessException("registration.notYetOpen", batch.getSchedule().getRegistrationStart().toString().replace('T', ' '));
        }
        if (!now.isBefore(batch.getSchedule().getRegistrationEnd())) {
            throw new BusinessException("registration.closed", batch.getSchedule().getRegistrationEnd().toString().replace('T', ' '));
        }
    }

    private Candidate candidate(String idNumber) {
        return candidates.findByIdNumber(idNumber).orElseThrow(() -> new NotFoundException("candidate.notFound"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

}
