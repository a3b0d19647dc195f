package org.kaowu.web.view.admin.certificates;

import org.kaowu.web.view.admin.BatchPage;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.CertificateService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;


/**
 * {@code /admin/certificates?batch=N} — 证书管理: 合格名单 publish / withdraw, the batch's certificate-number rule,
 * and the numbering job (start, stop, continue) with a polled progress bar and the run history, as on
 * {@code /admin/scores}.
 */
@Named("adminCertificatesBacking")
@ViewScoped
public class CertificatesBacking extends BatchPage<CertificateService.Overview> {

    private static final long serialVersionUID = 1L;

    @EJB
    private CertificateService certificates;
    @Inject
    private org.kaowu.web.BundleMessageResolver texts;

    private String rule;

    @Override
    protected CertificateService.Overview overview(String caller, Long batchId) {
        return certificates.overview(caller, batchId);
    }

    @Override
    protected void loaded() {
        rule = getOverview() == null || !getOverview().ownRule() ? null : getOverview().rule();
    }

    public void batchChanged() {
        Faces.redirect(Faces.getRequestContextPath() + "/admin/certificates?batch=" + getBatchId());
    }

    public void publish() {
        act(() -> Messages.addGlobalInfo("admin.certificates.published", certificates.publishPassList(caller(), getBatchId())));
    }

    public void withdraw() {
        act(() -> {
            certificates.withdrawPassList(caller(), getBatchId());
            Messages.addGlobalInfo("admin.certificates.withdrawn");
        });
    }

    public void saveRule() {
        act(() -> {
            certificates.saveRule(caller(), getBatchId(), rule);
            Messages.addGlobalInfo("admin.certificates.ruleSaved");
        });
    }

    public void start() {
        act(() -> {
            certificates.start(caller(), getBatchId());
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
        return getOverview() != null && getOverview().runs().stream().anyMatch(r -> r.state().isActive());
    }

    public String errorText(CertificateService.Run run) {
        return run.errorKey() == null ? "" : texts.getMessage(run.errorKey());
    }

    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
}
