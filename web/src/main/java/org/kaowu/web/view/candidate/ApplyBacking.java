package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.Registration;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code /candidate/apply?batch=N} — the three-step wizard of manual section 4: 确认人员信息, 填选报名信息,
 * 提交报名并打印. Every choice is checked again by RegistrationService; this bean only carries the steps.
 */
@Named("candidateApplyBacking")
@ViewScoped
public class ApplyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RegistrationService registrations;
    @EJB
    private ProfileService profiles;
    @Inject
    private SecurityContext security;

    private Long batchId;
    private int step;
    private ExamBatch batch;
    private List<BatchSite> sites;
    private ProfileData profile;
    private List<String> missing;
    private Long siteId;
    private List<Long> positionIds = new ArrayList<>();
    private Registration registration;

    /** f:viewAction: loads the batch; a missing, closed or tampered batch id goes back to the list with why. */
    public void load() {
        if (batch != null) {
            return;
        }
        try {
            if (batchId == null) {
                throw new BusinessException("batch.notFound");
            }
            batch = registrations.openBatch(batchId);
            sites = registrations.sitesOf(batchId);
            registrations.forBatch(caller(), batchId).ifPresent(existing -> {
                registration = existing;
                siteId = existing.getBatchSite().getSite().getId();
                existing.getPositions().forEach(p -> positionIds.add(p.getId()));
            });
        } catch (BusinessException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
            Faces.redirect(Faces.getRequestContextPath() + "/candidate/exams");
            return;
        }
        if (registration != null && !registration.getStatus().isEditable()) {
            Faces.redirect(Faces.getRequestContextPath() + "/candidate/registration?id=" + registration.getId());
            return;
        }
        refreshProfile();
    }

    /** Step 1 → 2: only with a complete profile. */
    public void confirmPerson() {
        refreshProfile();
        if (!missing.isEmpty()) {
            Messages.addGlobalError("registration.profileIncomplete");
            return;
        }
        step = 1;
    }

    /** Step 2, 确认选择. */
    public void confirmChoice() {
        try {
            registration = registrations.choose(caller(), batchId, siteId, new LinkedHashSet<>(positionIds));
            step = 2;
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** 修改报名信息 */
    public void backToChoice() {
        sites = registrations.sitesOf(batchId);
        step = 1;
    }

    /** 提交审核 */
    public void submit() {
        try {
            registration = registrations.submit(caller(), registration.getId());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            sites = registrations.sitesOf(batchId);
            return;
        }
        Messages.addFlashGlobalInfo("candidate.apply.submitted");
        Faces.redirect(Faces.getRequestContextPath() + "/candidate/registration?id=" + registration.getId());
    }

    private void refreshProfile() {
        profile = profiles.profile(caller());
        missing = profiles.missingFields(caller());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public String positionLabel(Position p) {
        return p.getCode() + " " + p.getName() + "（¥" + p.getFee() + "）";
    }

    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public int getStep() { return step; }
    public ExamBatch getBatch() { return batch; }
    public List<BatchSite> getSites() { return sites; }
    public ProfileData getProfile() { return profile; }
    public List<String> getMissing() { return missing; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public List<Long> getPositionIds() { return positionIds; }
    public void setPositionIds(List<Long> positionIds) { this.positionIds = positionIds; }
    public Registration getRegistration() { return registration; }
}
