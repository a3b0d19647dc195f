package org.kaowu.web.view.admin.scores;

import org.kaowu.web.view.admin.BatchPage;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.ScoreService;
import org.omnifaces.util.Messages;


/**
 * {@code /admin/scores?batch=N} — 成绩管理: upload a score file (through {@link ScoreUploadServlet}, which comes
 * back here with {@code uploaded} or {@code error}), start, stop and continue its import with live figures, the
 * run history, the template and each run's rejected lines; 发布成绩 / 撤回 (province admins).
 */
@Named("adminScoresBacking")
@ViewScoped
public class ScoresBacking extends BatchPage<ScoreService.Overview> {

    private static final long serialVersionUID = 1L;

    @EJB
    private ScoreService scores;
    @Inject
    private org.kaowu.web.BundleMessageResolver texts;

    private Long uploaded;
    private String error;

    /** A new batch is a new page (the upload form outside Faces must name it too). */
    @Override
    protected ScoreService.Overview overview(String caller, Long batchId) {
        return scores.overview(caller, batchId);
    }

    /** The outcome of an upload, which the upload servlet passes back as parameters. */
    @Override
    protected void loaded() {
        if (uploaded != null) {
            Messages.addGlobalInfo("admin.scores.uploaded");
        }
        if (error != null && error.matches("score\\.(upload|file)\\.[A-Za-z]+")) {
            Messages.addGlobalError(error, ScoreService.MAX_FILE_BYTES / (1024 * 1024));
        }
    }

    public void batchChanged() {
        org.omnifaces.util.Faces.redirect(org.omnifaces.util.Faces.getRequestContextPath() + "/admin/scores?batch=" + getBatchId());
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
        act(() -> Messages.addGlobalInfo("admin.scores.published", scores.publish(caller(), getBatchId())));
    }

    public void withdraw() {
        act(() -> {
            scores.withdraw(caller(), getBatchId());
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
        return getOverview() != null && getOverview().runs().stream().anyMatch(r -> r.state().isActive());
    }

    /** The error of a run as page text arguments (the key's {0}, {1} …). */
    public String errorText(ScoreService.Run run) {
        if (run.errorKey() == null) {
            return "";
        }
        return texts.getMessage(run.errorKey(), run.errorArguments());
    }

    public Long getUploaded() { return uploaded; }
    public void setUploaded(Long uploaded) { this.uploaded = uploaded; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public long getMaxMegabytes() { return ScoreService.MAX_FILE_BYTES / (1024 * 1024); }
    public long getMaxBytes() { return ScoreService.MAX_FILE_BYTES; }
}
