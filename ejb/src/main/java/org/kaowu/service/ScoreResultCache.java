package org.kaowu.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.ScoreStatus;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The published scores in memory, for score day: the whole candidate population may query at once, and
 * published scores do not change (an import is refused while a batch is published), so each published batch is
 * loaded once, by one query, and then answered from here. Dropped when a batch is published or withdrawn —
 * after the commit ({@link ScoreService.Changed}), so a query never reloads the state being replaced.
 * <p>
 * Queries look an ID number up once in an index over all published batches ({@link #index}).
 * <p>
 * Memory: about 250 bytes per candidate and batch, plus ≈ 100 for the index (a million candidates ≈ 250 MB); one server process. With
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

    /** One candidate's results in one published batch. */
    public record Hit(Batch batch, Entry entry) {
    }

    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();
    /** Changed by every eviction: a list or an index built from older state is used once, never kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile List<Long> published;
    /** ID number → hits in all published batches, newest exam first; null until built. */
    private volatile Map<String, List<Hit>> index;

    /** The published batch ids, loaded once. */
    List<Long> published(Supplier<List<Long>> loader) {
        List<Long> ids = published;
        if (ids == null) {
            long before = generation.get();
            ids = List.copyOf(loader.get());
            if (generation.get() == before) {
                published = ids;
            }
        }
        return ids;
    }

    /** The batch, loaded once (concurrent callers for the same batch wait for the one load). */
    Batch batch(Long batchId, Function<Long, Batch> loader) {
        return batches.computeIfAbsent(batchId, loader);
    }

    /**
     * Every published batch's results by ID number: one look-up per query however many batches are published
     * (they add up over the years). Built from the cached batches once after each change; a batch the cache does
     * not hold yet is loaded first.
     */
    Map<String, List<Hit>> index(Supplier<List<Long>> publishedLoader, Function<Long, Batch> loader) {
        Map<String, List<Hit>> current = index;
        if (current != null) {
            return current;
        }
        synchronized (this) { // one build at a time; the others wait for it instead of building their own
            current = index;
            if (current != null) {
                return current;
            }
            long before = generation.get();
            Map<String, List<Hit>> built = new HashMap<>();
            for (Long batchId : published(publishedLoader)) {
                Batch batch = batch(batchId, loader);
                batch.byIdNumber().forEach((id, entry) ->
                        built.computeIfAbsent(id, k -> new ArrayList<>(1)).add(new Hit(batch, entry)));
            }
            Comparator<Hit> newestFirst = Comparator.comparing(h -> h.batch().examStart(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            built.replaceAll((id, hits) -> {
                hits.sort(newestFirst);
                return List.copyOf(hits);
            });
            current = Collections.unmodifiableMap(built);
            if (generation.get() == before) {
                index = current;
            }
            return current;
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoreService.Changed event) {
        evict(event.batchId());
    }

    /** Forgets a batch, the list of published batches and the index. */
    public void evict(Long batchId) {
        generation.incrementAndGet();
        published = null;
        index = null;
        batches.remove(batchId);
    }

    int size() {
        return batches.size();
    }
}
