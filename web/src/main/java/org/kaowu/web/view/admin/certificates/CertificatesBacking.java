package org.kaowu.web.view.admin.certificates;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/certificates?batch=N} — 证书管理: 合格名单 publish / withdraw, the batch's certificate-number rule,
 * and the numbering job (start, stop, continue) with a polled progress bar and the run history, as on
 * {@code /admin/scores}.
 */
@Named("adminCertificatesBacking")
@ViewScoped
public class CertificatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CertificateService certificates;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;
    @Inject
    private org.kaowu.web.BundleMessageResolver texts;

    private Long batchId;
    private List<ExamBatch> batches;
    private CertificateService.Overview overview;
    private String rule;

    /** f:viewAction: the chosen batch (or the newest). */
    public void load() {
        try {
            batches = exams.allBatches(caller());
            if (batchId == null && !batches.isEmpty()) {
                batchId = batches.get(0).getId();
            }
            reload();
            rule = overview == null || !overview.ownRule() ? null : overview.rule();
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void batchChanged() {
        Faces.redirect(Faces.getRequestContextPath() + "/admin/certificates?batch=" + batchId);
    }

    public void publish() {
        act(() -> Messages.addGlobalInfo("admin.certificates.published", certificates.publishPassList(caller(), batchId)));
    }

    public void withdraw() {
        act(() -> {
            certificates.withdrawPassList(caller(), batchId);
            Messages.addGlobalInfo("admin.certificates.withdrawn");
        });
    }

    public void saveRule() {
        act(() -> {
            certificates.saveRule(caller(), batchId, rule);
            Messages.addGlobalInfo("admin.certificates.ruleSaved");
        });
    }

    public void start() {
        act(() -> {
            certificates.start(caller(), batchId);
            Messages.addGlobalInfo("admin.certificates.started");
        });
    }

    public void stop(Long runId) {
        act(() -> {
            certificates.stop(caller(), runId);
            Messages.addGlobalInfo("admin.certificates.stopping");
        });
    }

    public void restart(Long runId) {
        act(() -> {
            certificates.restart(caller(), runId);
            Messages.addGlobalInfo("admin.certificates.restarted");
        });
    }

    /** p:poll while a run is active; stops by itself when nothing runs. */
    public void poll() {
        boolean wasActive = isActive();
        reload();
        if (wasActive && !isActive()) {
            Messages.addGlobalInfo("admin.certificates.runEnded");
        }
    }

    public boolean isActive() {
        return overview != null && overview.runs().stream().anyMatch(r -> r.state().isActive());
    }

    public String errorText(CertificateService.Run run) {
        return run.errorKey() == null ? "" : texts.getMessage(run.errorKey());
    }

    private void act(Runnable action) {
        try {
            if (batchId == null) {
                throw new BusinessException("batch.notFound");
            }
            action.run();
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        reload();
    }

    private void reload() {
        try {
            overview = batchId == null ? null : certificates.overview(caller(), batchId);
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public List<ExamBatch> getBatches() { return batches; }
    public CertificateService.Overview getOverview() { return overview; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
}
