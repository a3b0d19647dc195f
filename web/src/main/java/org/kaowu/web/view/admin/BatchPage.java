package org.kaowu.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * What the per-batch work pages (准考证, 成绩, 证书) share: the batch chosen by {@code ?batch=} (else the
 * newest), the service's overview of it, and actions that show a refusal as a message and then reload the
 * overview, so the page always shows what is stored.
 *
 * @param <O> the service's overview of one batch
 */
public abstract class BatchPage<O> implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private Long batchId;
    private List<ExamBatch> batches = List.of();
    private O overview;

    /** The overview of one batch, from its service. */
    protected abstract O overview(String caller, Long batchId);

    /** After {@link #load()} has read the overview (e.g. to fill a form from it). */
    protected void loaded() {
    }

    /** After every successful reload (e.g. to read progress as well). */
    protected void reloaded() {
    }

    /** f:viewAction: the chosen batch, or the newest. */
    public void load() {
        try {
            batches = exams.allBatches(caller());
            if (batchId == null && !batches.isEmpty()) {
                batchId = batches.get(0).getId();
            }
            reload();
            loaded();
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** Runs an action on the chosen batch: a refusal becomes a message; the overview is read again either way. */
    protected final void act(Runnable action) {
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

    protected final void reload() {
        try {
            overview = batchId == null ? null : overview(caller(), batchId);
            reloaded();
        } catch (BusinessException e) {
            overview = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    protected final String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public List<ExamBatch> getBatches() { return batches; }
    public O getOverview() { return overview; }
}
