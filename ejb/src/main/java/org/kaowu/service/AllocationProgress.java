package org.kaowu.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.exception.BusinessException;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of each batch's allocation run on this server, for the admin page's progress bar: sites done,
 * tickets written so far, and how it ended. One run per batch at a time on this server; across servers the
 * batch row lock in {@link TicketService#allocateSite} serialises them. Kept in memory only: after a restart
 * there is simply no run to show (the tickets themselves are in the database, and a re-run completes a
 * run that was cut short).
 */
@ApplicationScoped
public class AllocationProgress {

    /** A snapshot for the page. {@code errorKey} is a bundle key when the run failed. */
    public record Snapshot(boolean running, boolean redo, int sitesDone, int sitesTotal, long written, long toPlace,
                           long unplaced, String errorKey, Object[] errorArguments, LocalDateTime startedAt,
                           LocalDateTime finishedAt) implements Serializable {

        /** 0–100, for the progress bar. */
        public int getPercent() {
            if (!running) {
                return errorKey == null ? 100 : 0;
            }
            if (toPlace > 0) {
                return (int) Math.min(99, written * 100 / toPlace);
            }
            return sitesTotal == 0 ? 0 : sitesDone * 100 / sitesTotal;
        }
    }

    private static final class Run {
        final boolean redo;
        final int sitesTotal;
        final long toPlace;
        final LocalDateTime startedAt;
        volatile int sitesDone;
        volatile long written;
        volatile long unplaced;
        volatile boolean running = true;
        volatile String errorKey;
        volatile Object[] errorArguments;
        volatile LocalDateTime finishedAt;

        Run(boolean redo, int sitesTotal, long toPlace, LocalDateTime startedAt) {
            this.redo = redo;
            this.sitesTotal = sitesTotal;
            this.toPlace = toPlace;
            this.startedAt = startedAt;
        }
    }

    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    /** Starts tracking a run; refused while another run of the batch is going on. */
    void begin(Long batchId, boolean redo, int sitesTotal, long toPlace) {
        Run fresh = new Run(redo, sitesTotal, toPlace, LocalDateTime.now());
        Run now = runs.compute(batchId, (id, old) -> old != null && old.running ? old : fresh);
        if (now != fresh) {
            throw new BusinessException("ticket.allocation.running");
        }
    }

    void written(Long batchId, long tickets) {
        Run run = runs.get(batchId);
        if (run != null) {
            run.written += tickets;
        }
    }

    void siteDone(Long batchId, long unplaced) {
        Run run = runs.get(batchId);
        if (run != null) {
            run.sitesDone++;
            run.unplaced += unplaced;
        }
    }

    void finish(Long batchId, String errorKey, Object... arguments) {
        Run run = runs.get(batchId);
        if (run != null) {
            run.errorKey = errorKey;
            run.errorArguments = arguments;
            run.finishedAt = LocalDateTime.now();
            run.running = false;
        }
    }

    public boolean isRunning(Long batchId) {
        Run run = runs.get(batchId);
        return run != null && run.running;
    }

    /** The current or last run of the batch on this server, or null. */
    public Snapshot snapshot(Long batchId) {
        Run r = runs.get(batchId);
        return r == null ? null : new Snapshot(r.running, r.redo, r.sitesDone, r.sitesTotal, r.written, r.toPlace,
                r.unplaced, r.errorKey, r.errorArguments, r.startedAt, r.finishedAt);
    }
}
