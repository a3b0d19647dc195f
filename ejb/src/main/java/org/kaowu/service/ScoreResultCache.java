package org.kaowu.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.ScoreStatus;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The published scores in memory, for score day: the whole candidate population may query at once, and
 * published scores do not change (an import is refused while a batch is published), so each published batch is
 * loaded once, by one query, and then answered from here. Dropped when a batch is published or withdrawn —
 * after the commit ({@link ScoreService.Changed}), so a query never reloads the state being replaced.
 * <p>
 * Memory: about 250 bytes per candidate and batch (a million candidates ≈ 250 MB); one server process. With
 * several servers each keeps its own copy, and the event reaches only the one that published: they would need
 * a shared cache or a short expiry (not needed for the single server this runs on).
 */
@ApplicationScoped
public class ScoreResultCache {

    /** One subject's result. */
    public record Line(String positionCode, String positionName, BigDecimal score, ScoreStatus status,
                       PassVerdict verdict) implements Serializable {
    }

    /** One candidate's results in one batch. */
    public record Entry(String name, String ticketNo, List<Line> lines) implements Serializable {
    }

    /** A published batch: the candidates' results by ID number. */
    public record Batch(Long batchId, String code, String name, LocalDateTime examStart, Map<String, Entry> byIdNumber) {
    }

    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();
    private volatile List<Long> published;

    /** The published batch ids, loaded once. */
    List<Long> published(Supplier<List<Long>> loader) {
        List<Long> ids = published;
        if (ids == null) {
            ids = List.copyOf(loader.get());
            published = ids;
        }
        return ids;
    }

    /** The batch, loaded once (concurrent callers for the same batch wait for the one load). */
    Batch batch(Long batchId, Function<Long, Batch> loader) {
        return batches.computeIfAbsent(batchId, loader);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoreService.Changed event) {
        evict(event.batchId());
    }

    /** Forgets a batch and the list of published batches. */
    public void evict(Long batchId) {
        published = null;
        batches.remove(batchId);
    }

    int size() {
        return batches.size();
    }
}
