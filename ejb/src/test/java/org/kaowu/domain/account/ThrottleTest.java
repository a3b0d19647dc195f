package org.kaowu.domain.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2024-06-15T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void allowsUpToTheLimitThenRefuses() {
        Throttle throttle = new Throttle(3, MINUTE, clock);
        assertTrue(throttle.tryAcquire("k"));
        assertTrue(throttle.tryAcquire("k"));
        assertFalse(throttle.isBlocked("k"));
        assertTrue(throttle.tryAcquire("k"));
        assertTrue(throttle.isBlocked("k"));
        assertFalse(throttle.tryAcquire("k"));
        assertFalse(throttle.tryAcquire("k"));
    }

    @Test
    void keysAreIndependent() {
        Throttle throttle = new Throttle(1, MINUTE, clock);
        assertTrue(throttle.tryAcquire("a"));
        assertFalse(throttle.tryAcquire("a"));
        assertTrue(throttle.tryAcquire("b"));
        assertFalse(throttle.isBlocked("c"));
    }

    @Test
    void windowSlides() {
        Throttle throttle = new Throttle(3, MINUTE, clock);
        assertTrue(throttle.tryAcquire("k"));                 // T0
        clock.advance(Duration.ofSeconds(20));
        assertTrue(throttle.tryAcquire("k"));                 // T0+20s
        clock.advance(Duration.ofSeconds(20));
        assertTrue(throttle.tryAcquire("k"));                 // T0+40s
        clock.set(T0.plus(MINUTE).minusMillis(1));
        assertFalse(throttle.tryAcquire("k"), "the T0 event still counts 1 ms before it expires");
        clock.set(T0.plus(MINUTE));
        assertTrue(throttle.tryAcquire("k"), "the T0 event has left the window");   // T0+60s
        assertFalse(throttle.tryAcquire("k"));
        clock.set(T0.plus(Duration.ofSeconds(80)));
        assertTrue(throttle.tryAcquire("k"), "the T0+20s event has left the window");
        assertFalse(throttle.tryAcquire("k"));
    }

    @Test
    void refusedAttemptsDoNotExtendTheBlock() {
        Throttle throttle = new Throttle(2, MINUTE, clock);
        throttle.tryAcquire("k");
        throttle.tryAcquire("k");
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertFalse(throttle.tryAcquire("k"));
        }
        assertEquals(Optional.of(T0.plus(MINUTE)), throttle.blockedUntil("k"));
        clock.set(T0.plus(MINUTE));
        assertTrue(throttle.tryAcquire("k"));
    }

    @Test
    void blockedUntilIsWhenTheOldestCountedEventExpires() {
        Throttle throttle = new Throttle(3, MINUTE, clock);
        assertEquals(Optional.empty(), throttle.blockedUntil("k"));
        throttle.record("k");                                 // T0
        clock.advance(Duration.ofSeconds(10));
        throttle.record("k");                                 // T0+10s
        assertEquals(Optional.empty(), throttle.blockedUntil("k"));
        clock.advance(Duration.ofSeconds(10));
        throttle.record("k");                                 // T0+20s
        assertEquals(Optional.of(Instant.parse("2024-06-15T08:01:00Z")), throttle.blockedUntil("k"));

        clock.set(Instant.parse("2024-06-15T08:00:59.999Z"));
        assertTrue(throttle.isBlocked("k"));
        clock.set(Instant.parse("2024-06-15T08:01:00Z"));
        assertFalse(throttle.isBlocked("k"), "unblocked exactly at blockedUntil");
        assertEquals(Optional.empty(), throttle.blockedUntil("k"));
    }

    @Test
    void recordCountsEvenWhenBlockedAndKeepsTheNewestEvents() {
        Throttle throttle = new Throttle(3, MINUTE, clock);
        for (int i = 0; i < 5; i++) {
            throttle.record("k");                             // T0, +10s, +20s, +30s, +40s
            clock.advance(Duration.ofSeconds(10));
        }
        // The newest three are T0+20s, T0+30s, T0+40s: the block lasts until T0+20s leaves the window.
        assertEquals(Optional.of(T0.plus(Duration.ofSeconds(80))), throttle.blockedUntil("k"));
        clock.set(T0.plus(Duration.ofSeconds(79)));
        assertTrue(throttle.isBlocked("k"));
        clock.set(T0.plus(Duration.ofSeconds(80)));
        assertFalse(throttle.isBlocked("k"));
    }

    @Test
    void recordAndTryAcquireShareTheCount() {
        Throttle throttle = new Throttle(3, MINUTE, clock);
        throttle.record("k");
        throttle.record("k");
        assertTrue(throttle.tryAcquire("k"));
        assertFalse(throttle.tryAcquire("k"));
    }

    @Test
    void resetForgetsTheKey() {
        Throttle throttle = new Throttle(2, MINUTE, clock);
        throttle.record("k");
        throttle.record("k");
        throttle.record("other");
        throttle.record("other");
        assertTrue(throttle.isBlocked("k"));
        throttle.reset("k");
        assertFalse(throttle.isBlocked("k"));
        assertEquals(Optional.empty(), throttle.blockedUntil("k"));
        assertTrue(throttle.isBlocked("other"), "reset touches one key only");
        assertTrue(throttle.tryAcquire("k"));
        assertTrue(throttle.tryAcquire("k"));
        assertFalse(throttle.tryAcquire("k"));
        throttle.reset("never-seen");
    }

    @Test
    void queriesDoNotCreateState() {
        Throttle throttle = new Throttle(2, MINUTE, clock);
        throttle.isBlocked("a");
        throttle.blockedUntil("b");
        throttle.reset("c");
        assertEquals(0, throttle.trackedKeys());
    }

    @Test
    void sweepRemovesOnlyExpiredKeys() {
        Throttle throttle = new Throttle(5, MINUTE, clock);
        throttle.record("old1");
        throttle.record("old2");
        clock.advance(Duration.ofSeconds(30));
        throttle.record("young");
        clock.advance(Duration.ofSeconds(30));              // old ones expire exactly now
        throttle.sweepExpired();
        assertEquals(1, throttle.trackedKeys());
        assertTrue(throttle.tryAcquire("young"));
        assertTrue(throttle.tryAcquire("young"));
        assertTrue(throttle.tryAcquire("young"));
        assertTrue(throttle.tryAcquire("young"));
        assertFalse(throttle.tryAcquire("young"), "young kept its first event through the sweep");
    }

    @Test
    void sweepRunsAutomaticallyEveryNCalls() {
        Throttle throttle = new Throttle(1, MINUTE, clock);
        for (int i = 0; i < 10; i++) {
            throttle.record("expiring-" + i);               // calls 1..10
        }
        clock.advance(Duration.ofMinutes(2));
        int liveCalls = Throttle.SWEEP_EVERY - 10 - 1;
        for (int i = 0; i < liveCalls; i++) {
            throttle.tryAcquire("live");                      // calls 11..1023
        }
        assertEquals(11, throttle.trackedKeys(), "no sweep before call " + Throttle.SWEEP_EVERY);
        throttle.tryAcquire("live");                          // call 1024 sweeps
        assertEquals(1, throttle.trackedKeys());
        assertTrue(throttle.isBlocked("live"));
    }

    @Test
    void keyCapEvictsLeastRecentlyActiveKey() {
        Throttle throttle = new Throttle(1, MINUTE, clock, 3);
        throttle.record("a");
        clock.advance(Duration.ofSeconds(1));
        throttle.record("b");
        clock.advance(Duration.ofSeconds(1));
        throttle.record("c");
        clock.advance(Duration.ofSeconds(1));
        throttle.record("a");                                 // a is now the most recently active
        clock.advance(Duration.ofSeconds(1));
        throttle.record("d");
        assertEquals(3, throttle.trackedKeys());
        assertFalse(throttle.isBlocked("b"), "b was least recently active and got evicted");
        assertTrue(throttle.isBlocked("a"));
        assertTrue(throttle.isBlocked("c"));
        assertTrue(throttle.isBlocked("d"));
    }

    @Test
    void keyCapDropsExpiredKeysFirst() {
        Throttle throttle = new Throttle(1, Duration.ofSeconds(10), clock, 3);
        throttle.record("expired");
        clock.advance(Duration.ofSeconds(5));
        throttle.record("b");
        throttle.record("c");
        clock.advance(Duration.ofSeconds(6));               // "expired" left the window, b and c did not
        throttle.record("d");
        assertEquals(3, throttle.trackedKeys());
        assertTrue(throttle.isBlocked("b"));
        assertTrue(throttle.isBlocked("c"));
        assertTrue(throttle.isBlocked("d"));
    }

    @Test
    void keyCapRemovesAllExpiredKeysAndSparesLiveOnes() {
        Throttle throttle = new Throttle(1, Duration.ofSeconds(10), clock, 10);
        for (int i = 0; i < 5; i++) {
            throttle.record("expired-" + i);
        }
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            throttle.record("live-" + i);
        }
        clock.advance(Duration.ofSeconds(6));
        throttle.record("new");
        assertEquals(6, throttle.trackedKeys(), "five expired keys dropped, no live key evicted");
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.isBlocked("live-" + i));
        }
    }

    @Test
    void existingKeysAreNotAffectedByTheCap() {
        Throttle throttle = new Throttle(3, MINUTE, clock, 2);
        throttle.record("a");
        throttle.record("b");
        throttle.record("a");
        throttle.record("b");
        assertEquals(2, throttle.trackedKeys());
        throttle.record("a");
        assertTrue(throttle.isBlocked("a"));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Throttle(0, MINUTE, clock));
        assertThrows(IllegalArgumentException.class, () -> new Throttle(1, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class, () -> new Throttle(1, Duration.ofSeconds(-1), clock));
        assertThrows(IllegalArgumentException.class, () -> new Throttle(1, MINUTE, clock, 0));
        assertThrows(NullPointerException.class, () -> new Throttle(1, null, clock));
        assertThrows(NullPointerException.class, () -> new Throttle(1, MINUTE, null));
        Throttle throttle = new Throttle(1, MINUTE, clock);
        assertThrows(NullPointerException.class, () -> throttle.tryAcquire(null));
        assertThrows(NullPointerException.class, () -> throttle.record(null));
        assertThrows(NullPointerException.class, () -> throttle.isBlocked(null));
    }

    @Test
    void concurrentTryAcquireOnOneKeyNeverExceedsTheLimit() throws Exception {
        int threads = 16;
        int attemptsPerThread = 2_000;
        int max = 100;
        Throttle throttle = new Throttle(max, MINUTE, clock);
        List<Integer> granted = runConcurrently(threads, () -> {
            int count = 0;
            for (int i = 0; i < attemptsPerThread; i++) {
                if (throttle.tryAcquire("hot")) {
                    count++;
                }
            }
            return count;
        });
        assertEquals(max, granted.stream().mapToInt(Integer::intValue).sum());
        assertTrue(throttle.isBlocked("hot"));
    }

    @Test
    void manyShortRacesOnFreshThrottlesNeverExceedTheLimit() throws Exception {
        int threads = 8;
        int rounds = 1_000;
        int max = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                Throttle throttle = new Throttle(max, MINUTE, clock);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        int count = 0;
                        for (int i = 0; i < 4; i++) {
                            if (throttle.tryAcquire("hot")) {
                                count++;
                            }
                        }
                        return count;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> future : futures) {
                    total += future.get(30, TimeUnit.SECONDS);
                }
                assertEquals(max, total, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRecordsOnManyKeysAreNotLostToSweeps() throws Exception {
        int threads = 8;
        int keysPerThread = 500;
        int max = 3;
        Throttle throttle = new Throttle(max, MINUTE, clock);
        runConcurrently(threads, () -> {
            String prefix = Thread.currentThread().getName();
            for (int k = 0; k < keysPerThread; k++) {
                for (int i = 0; i < max; i++) {
                    throttle.record(prefix + "-" + k);
                }
            }
            return 0;
        });
        // 12,000 calls trigger several sweeps; with the clock standing still none may drop an event.
        assertEquals(threads * keysPerThread, throttle.trackedKeys());
    }

    @Test
    void concurrentAcquireAndResetKeepTheLimitBetweenResets() throws Exception {
        int max = 5;
        Throttle throttle = new Throttle(max, MINUTE, clock, 10);
        // Many distinct keys against a cap of 10 keep evictions and retries busy; nothing may throw.
        runConcurrently(8, () -> {
            for (int i = 0; i < 5_000; i++) {
                String key = "k" + (i % 40);
                throttle.tryAcquire(key);
                if (i % 7 == 0) {
                    throttle.reset(key);
                }
                throttle.isBlocked(key);
            }
            return 0;
        });
        assertTrue(throttle.trackedKeys() <= 10 + 8, "soft cap overshoots by at most one key per thread");
        throttle.reset("fresh");
        for (int i = 0; i < max; i++) {
            assertTrue(throttle.tryAcquire("fresh"));
        }
        assertFalse(throttle.tryAcquire("fresh"));
    }

    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
