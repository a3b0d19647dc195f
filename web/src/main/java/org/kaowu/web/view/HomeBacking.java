package org.kaowu.web.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.service.ExamService;

import java.util.List;

/** {@code /} — the public home page: what can be registered for now. */
@Named
@RequestScoped
public class HomeBacking {

    @EJB
    private ExamService exams;

    private List<ExamBatch> openBatches;

    public List<ExamBatch> getOpenBatches() {
        if (openBatches == null) {
            openBatches = exams.batchesOpenForRegistration();
        }
        return openBatches;
    }
}
