package org.kaowu.web.view.admin.scores;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.kaowu.service.ScoreService;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/scores?batch=N} — 成绩管理: upload a score file (through {@link ScoreUploadServlet}, which comes
 * back here with {@code uploaded} or {@code error}), start, stop and continue its import with live figures, the
 * run history, the template and each run's rejected lines; 发布成绩 / 撤回 (province admins).
 */
@Named("adminScoresBacking")
@ViewScoped
public class ScoresBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ScoreService scores;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;
    @Inject
    private org.kaowu.web.BundleMessageResolver texts;

    private Long batchId;
    private Long uploaded;
    private String error;
    private List<ExamBatch> batches;
    private ScoreService.Overview overview;

    /** f:viewAction: the chosen batch (or the newest) and the outcome of an upload. */
    public void load() {
        try {
            batches = exams.allBatches(caller());
            if (batchId == null && !batches.isEmpty()) {
                batchId = batches.get(0).getId();
            }
            if (uploaded != null) {
                Messages.addGlobalInfo("admin.scores.uploaded");
            }
            if (error != null && error.matches("score\\.(upload|file)\\.[A-Za-z]+")) {
                Messages.addGlobalError(error, ScoreService.MAX_FILE_BYTES / (1024 * 1024));
            }
            reload();
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** A new batch is a new page (the upload form outside Faces must name it too). */
    public void batchChanged() {
        org.omnifaces.util.Faces.redirect(org.omnifaces.util.Faces.getRequestContextPath() + "/admin/scores?batch=" + batchId);
    }

    public void start(Long importId) {
        act(() -> {
            scores.start(caller(), importId);
            Messages.addGlobalInfo("admin.scores.started");
        });
    }

    public void stop(Long importId) {
        act(() -> {
            scores.stop(caller(), importId);
            Messages.addGlobalInfo("admin.scores.stopping");
        });
    }

    public void restart(Long importId) {
        act(() -> {
            scores.restart(caller(), importId);
            Messages.addGlobalInfo("admin.scores.restarted");
        });
    }

    public void publish() {
        act(() -> Messages.addGlobalInfo("admin.scores.published", scores.publish(caller(), batchId)));
    }

    public void withdraw() {
        act(() -> {
            scores.withdraw(caller(), batchId);
            Messages.addGlobalInfo("admin.scores.withdrawn");
        });
    }

    /** p:poll while a run is active: fresh figures; the poll stops by itself when nothing runs. */
    public void poll() {
        boolean wasActive = isActive();
        reload();
        if (wasActive && !isActive()) {
            Messages.addGlobalInfo("admin.scores.runEnded");
        }
    }

    public boolean isActive() {
        return overview != null && overview.runs().stream().anyMatch(r -> r.state().isActive());
    }

    /** The error of a run as page text arguments (the key's {0}, {1} …). */
    public String errorText(ScoreService.Run run) {
        if (run.errorKey() == null) {
            return "";
        }
        return texts.getMessage(run.errorKey(), run.errorArguments());
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
            overview = batchId == null ? null : scores.overview(caller(), batchId);
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
    public Long getUploaded() { return uploaded; }
    public void setUploaded(Long uploaded) { this.uploaded = uploaded; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public List<ExamBatch> getBatches() { return batches; }
    public ScoreService.Overview getOverview() { return overview; }
    public long getMaxMegabytes() { return ScoreService.MAX_FILE_BYTES / (1024 * 1024); }
}
