package org.kaowu.service;

import org.junit.jupiter.api.Test;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.domain.score.ScoreStatus;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ScoreResultCacheTest {

    private static final String ALICE = "11010519491231002X";
    private static final String BOB = "110105199003071234";

    private final ScoreResultCache cache = new ScoreResultCache();
    private final List<Long> published = new ArrayList<>(List.of(1L, 2L));
    private final AtomicInteger loads = new AtomicInteger();
    private final Function<Long, ScoreResultCache.Batch> loader = id -> {
        loads.incrementAndGet();
        return switch (id.intValue()) {
            case 1 -> batch(1L, LocalDateTime.of(2025, 5, 10, 9, 0), Map.of(ALICE, entry("张晓明"), BOB, entry("李四")));
            case 2 -> batch(2L, LocalDateTime.of(2026, 5, 10, 9, 0), Map.of(ALICE, entry("张晓明")));
            default -> batch(id, null, Map.of(ALICE, entry("张晓明")));
        };
    };

    @Test
    void oneLookUpFindsACandidateInEveryPublishedBatchNewestExamFirst() {
        Map<String, List<ScoreResultCache.Hit>> index = cache.index(() -> List.copyOf(published), loader);

        assertEquals(List.of(2L, 1L), index.get(ALICE).stream().map(h -> h.batch().batchId()).toList());
        assertEquals(List.of(1L), index.get(BOB).stream().map(h -> h.batch().batchId()).toList());
        assertNull(index.get("110105200001011234"));
        assertSame(index, cache.index(() -> List.copyOf(published), loader), "built once");
        assertEquals(2, loads.get());
    }

    @Test
    void aChangeRebuildsTheIndexReloadingOnlyTheChangedBatch() {
        cache.index(() -> List.copyOf(published), loader);
        published.add(3L); // batch 3 published (no exam date: last)
        cache.evict(3L);

        Map<String, List<ScoreResultCache.Hit>> index = cache.index(() -> List.copyOf(published), loader);

        assertEquals(List.of(2L, 1L, 3L), index.get(ALICE).stream().map(h -> h.batch().batchId()).toList());
        assertEquals(3, loads.get(), "batches 1 and 2 came from the cache");
        published.remove(Long.valueOf(1L)); // batch 1 withdrawn
        cache.evict(1L);
        assertEquals(List.of(2L, 3L), cache.index(() -> List.copyOf(published), loader).get(ALICE).stream()
                .map(h -> h.batch().batchId()).toList());
        assertNull(cache.index(() -> List.copyOf(published), loader).get(BOB), "withdrawn: gone");
    }

    @Test
    void anIndexBuiltWhileAChangeCommittedIsUsedOnceButNotKept() {
        // the change commits while the published list is being read: that build may be stale and must not stay
        Map<String, List<ScoreResultCache.Hit>> first = cache.index(() -> {
            List<Long> ids = List.copyOf(published);
            cache.evict(2L);
            return ids;
        }, loader);
        Map<String, List<ScoreResultCache.Hit>> second = cache.index(() -> List.copyOf(published), loader);

        assertEquals(2, first.get(ALICE).size());
        assertEquals(2, second.get(ALICE).size());
        assertNotSame(first, second, "the build during the change was not kept");
    }

    private static ScoreResultCache.Batch batch(Long id, LocalDateTime examStart, Map<String, ScoreResultCache.Entry> byId) {
        return new ScoreResultCache.Batch(id, "B" + id, "批次 " + id, examStart, byId);
    }

    private static ScoreResultCache.Entry entry(String name) {
        return new ScoreResultCache.Entry(name, "T1", List.of(new ScoreResultCache.Line("A01", "综合", new BigDecimal("80.0"),
                ScoreStatus.values()[0], PassVerdict.values()[0])));
    }
}
