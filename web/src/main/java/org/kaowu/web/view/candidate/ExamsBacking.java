package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.service.BatchOverview;
import org.kaowu.service.RegistrationService;

import java.util.List;

/** {@code /candidate/exams} — 考试报名: batches open for sign-up with this candidate's status and 点击报名. */
@Named("candidateExamsBacking")
@RequestScoped
public class ExamsBacking {

    @EJB
    private RegistrationService registrations;
    @Inject
    private SecurityContext security;

    private List<BatchOverview> batches;

    public List<BatchOverview> getBatches() {
        if (batches == null) {
            batches = registrations.openBatches(security.getCallerPrincipal().getName());
        }
        return batches;
    }
}
