package org.kaowu.web.view.admin.tickets;

import org.kaowu.web.view.admin.BatchPage;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kaowu.service.AllocationProgress;
import org.kaowu.service.TicketService;
import org.omnifaces.util.Messages;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code /admin/tickets?batch=N} — 准考证管理: a batch's ticket-number rule, 编排考场 (allocation, with a progress
 * bar while it runs in the background), 重新编排 before publication, the completeness check, 发布准考证, and
 * per room the download of its sign-in sheet and tickets. Site admins see their own site and download its
 * rooms; allocation, rule and publication are the province's.
 */
@Named("adminTicketsBacking")
@ViewScoped
public class TicketsBacking extends BatchPage<TicketService.Overview> {

    private static final long serialVersionUID = 1L;

    @EJB
    private TicketService tickets;

    private AllocationProgress.Snapshot progress;
    private String rule;

    @Override
    protected TicketService.Overview overview(String caller, Long batchId) {
        return tickets.overview(caller, batchId);
    }

    @Override
    protected void reloaded() {
        progress = getBatchId() == null ? null : tickets.progress(caller(), getBatchId());
        rule = getOverview() == null ? null : getOverview().ownRule();
    }

    public void batchChanged() {
        reload();
    }

    public void saveRule() {
        act(() -> {
            tickets.saveRule(caller(), getBatchId(), rule);
            Messages.addGlobalInfo("admin.tickets.ruleSaved");
        });
    }

    public void allocate() {
        start(false);
    }

    public void redo() {
        start(true);
    }

    private void start(boolean redo) {
        boolean[] started = {false};
        act(() -> {
            tickets.startAllocation(caller(), getBatchId(), redo);
            started[0] = true;
        });
        // a small run can end before this response is rendered: then no poll comes to tell the outcome
        if (started[0] && !isRunning()) {
            reportOutcome();
        }
    }

    public void publish() {
        act(() -> {
            tickets.publish(caller(), getBatchId());
            Messages.addGlobalInfo("admin.tickets.published");
        });
    }

    /** p:poll while a run is going on; when it ends, the page shows the outcome and the new figures. */
    public void poll() {
        boolean wasRunning = isRunning();
        progress = getBatchId() == null ? null : tickets.progress(caller(), getBatchId());
        if (wasRunning && !isRunning()) {
            reload();
            reportOutcome();
        }
    }

    /** The ended run's outcome as a message: its error, or how many were placed and how many found no seat. */
    private void reportOutcome() {
        if (progress != null && progress.errorKey() != null) {
            Messages.addGlobalError(progress.errorKey(), progress.errorArguments());
        } else if (progress != null) {
            Messages.addGlobalInfo(progress.unplaced() == 0 ? "admin.tickets.allocated" : "admin.tickets.allocatedShort",
                    progress.written(), progress.unplaced());
        }
    }

    /**
     * The print window opens within two days (or is open) and the tickets are not published: candidates would
     * find nothing to print. Shown at the top of the page.
     */
    public boolean isWindowAtRisk() {
        return getOverview() != null && !getOverview().isPublished() && getOverview().printEnd().isAfter(LocalDateTime.now())
                && !getOverview().printStart().isAfter(LocalDateTime.now().plusDays(2));
    }

    public String getPrintStartText() {
        return getOverview() == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(getOverview().printStart());
    }

    public boolean isRunning() {
        return progress != null && progress.running();
    }

    public AllocationProgress.Snapshot getProgress() { return progress; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
}
