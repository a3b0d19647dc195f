package org.kaowu.service;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.kaowu.exception.BusinessException;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a batch's allocation site by site, each site one {@link TicketService#allocateSite} transaction, and
 * reports to {@link AllocationProgress}. Outside any transaction itself, so a failing site leaves the sites
 * before it done (a re-run completes the rest and moves nobody).
 * <p>
 * Why not a Jakarta Batch job: allocating a site is one in-memory pass that must see all of the site's
 * placements at once, not a stream of independent items to checkpoint, and the re-run already is the
 * "restart" (it only places who is missing). A job would add a job repository, a reader over sites and the
 * batch facade for a task that takes seconds even for 100,000 candidates.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketAllocationRunner {

    private static final Logger LOG = Logger.getLogger(TicketAllocationRunner.class.getName());

    @EJB
    private TicketService tickets;
    @Inject
    private AllocationProgress progress;

    /** The whole batch now, in the caller's thread (demo seed, tests, benchmarks). */
    public List<TicketService.SiteAllocation> allocate(@NotNull String username, @NotNull Long batchId, boolean redo) {
        TicketService.AllocationPlan plan = tickets.prepareAllocation(username, batchId, redo);
        progress.begin(batchId, redo, plan.siteIds().size(), plan.toPlace());
        try {
            List<TicketService.SiteAllocation> done = run(username, batchId, plan, redo);
            progress.finish(batchId, null);
            return done;
        } catch (BusinessException e) {
            progress.finish(batchId, e.getMessageKey(), e.getArguments());
            throw e;
        } catch (RuntimeException e) {
            progress.finish(batchId, "ticket.allocation.failed");
            throw e;
        }
    }

    /** The admin page's run: in the background; the page polls {@link TicketService#progress}. */
    @Asynchronous
    public void runAsync(String username, Long batchId, TicketService.AllocationPlan plan, boolean redo) {
        try {
            run(username, batchId, plan, redo);
            progress.finish(batchId, null);
        } catch (BusinessException e) {
            progress.finish(batchId, e.getMessageKey(), e.getArguments());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "allocation of batch " + batchId + " failed", e);
            progress.finish(batchId, "ticket.allocation.failed");
        }
    }

    private List<TicketService.SiteAllocation> run(String username, Long batchId, TicketService.AllocationPlan plan,
                                                   boolean redo) {
        List<TicketService.SiteAllocation> done = new ArrayList<>();
        for (Long siteId : plan.siteIds()) {
            TicketService.SiteAllocation site = tickets.allocateSite(username, batchId, siteId, redo);
            progress.siteDone(batchId, site.unplaced().size());
            done.add(site);
        }
        return done;
    }
}
