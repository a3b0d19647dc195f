package org.kaowu.web.view.admin.tickets;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AllocationProgress;
import org.kaowu.service.ExamService;
import org.kaowu.service.TicketService;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/tickets?batch=N} — 准考证管理: a batch's ticket-number rule, 编排考场 (allocation, with a progress
 * bar while it runs in the background), 重新编排 before publication, the completeness check, 发布准考证, and
 * per room the download of its sign-in sheet and tickets. Site admins see their own site and download its
 * rooms; allocation, rule and publication are the province's.
 */
@Named("adminTicketsBacking")
@ViewScoped
public class TicketsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TicketService tickets;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private Long batchId;
    private List<ExamBatch> batches;
    private TicketService.Overview overview;
    private AllocationProgress.Snapshot progress;
    private String rule;

    /** f:viewAction: the chosen batch, or the newest. */
    public void load() {
        try {
            batches = exams.allBatches(caller());
            if (batchId == null && !batches.isEmpty()) {
                batchId = batches.get(0).getId();
            }
            reload();
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void batchChanged() {
        reload();
    }

    public void saveRule() {
        act(() -> {
            tickets.saveRule(caller(), batchId, rule);
            Messages.addGlobalInfo("admin.tickets.ruleSaved");
        });
    }

    public void allocate() {
        act(() -> tickets.startAllocation(caller(), batchId, false));
    }

    public void redo() {
        act(() -> tickets.startAllocation(caller(), batchId, true));
    }

    public void publish() {
        act(() -> {
            tickets.publish(caller(), batchId);
            Messages.addGlobalInfo("admin.tickets.published");
        });
    }

    /** p:poll while a run is going on; when it ends, the page shows the outcome and the new figures. */
    public void poll() {
        boolean wasRunning = isRunning();
        progress = batchId == null ? null : tickets.progress(caller(), batchId);
        if (wasRunning && !isRunning()) {
            reload();
            if (progress != null && progress.errorKey() != null) {
                Messages.addGlobalError(progress.errorKey(), progress.errorArguments());
            } else if (progress != null) {
                Messages.addGlobalInfo(progress.unplaced() == 0 ? "admin.tickets.allocated" : "admin.tickets.allocatedShort",
                        progress.written(), progress.unplaced());
            }
        }
    }

    public boolean isRunning() {
        return progress != null && progress.running();
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
            overview = batchId == null ? null : tickets.overview(caller(), batchId);
            progress = batchId == null ? null : tickets.progress(caller(), batchId);
            rule = overview == null ? null : overview.ownRule();
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
    public TicketService.Overview getOverview() { return overview; }
    public AllocationProgress.Snapshot getProgress() { return progress; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
}
