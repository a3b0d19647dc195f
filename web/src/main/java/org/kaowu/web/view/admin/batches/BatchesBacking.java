package org.kaowu.web.view.admin.batches;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Messages;

import java.util.List;

/** {@code /admin/batches} — 考试批次: every batch with its status and key dates, newest first. */
@Named
@RequestScoped
public class BatchesBacking {

    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;
    @Inject
    private org.kaowu.web.BundleMessageResolver bundle;

    private List<ExamBatch> batches;

    /** The list as xlsx (no personal data). */
    public void export() throws java.io.IOException {
        List<List<Object>> rows = getBatches().stream().<List<Object>>map(b -> List.of(b.getCode(), b.getName(),
                bundle.getMessage("admin.batchStatus." + b.getStatus()), b.getSchedule().getRegistrationStart(),
                b.getSchedule().getRegistrationEnd(), b.getSchedule().getExamStart(), b.getSchedule().getExamEnd()))
                .toList();
        org.omnifaces.util.Faces.sendFile(org.kaowu.export.XlsxTable.write("batches", List.of(
                bundle.getMessage("admin.batch.code"), bundle.getMessage("admin.batch.name"),
                bundle.getMessage("admin.batch.status"), bundle.getMessage("admin.batch.registrationStart"),
                bundle.getMessage("admin.batch.registrationEnd"), bundle.getMessage("admin.batch.examStart"),
                bundle.getMessage("admin.batch.examEnd")), rows), "batches.xlsx", true);
    }

    public List<ExamBatch> getBatches() {
        if (batches == null) {
            try {
                batches = exams.allBatches(security.getCallerPrincipal().getName());
            } catch (BusinessException e) {
                batches = List.of();
                Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            }
        }
        return batches;
    }
}
