package org.kaowu.web.security.captcha;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptchaPoolTest {

    /** Codes C1, C2, … in order; the "image" is the code's bytes, so a test can tell which code an image shows. */
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger drawings = new AtomicInteger();

    private CaptchaPool pool(int capacity) {
        return new CaptchaPool(capacity, () -> "C" + counter.incrementAndGet(), code -> {
            drawings.incrementAndGet();
            return code.getBytes(StandardCharsets.US_ASCII);
        });
    }

    @Test
    void preDrawnImagesAreHandedOutOnceEachThenDrawnInline() {
        CaptchaPool pool = pool(3);
        assertEquals(3, pool.fill());
        assertEquals(3, pool.size());
        assertEquals(3, drawings.get());

        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            CaptchaPool.Drawn d = pool.take();
            assertArrayEquals(d.code().getBytes(StandardCharsets.US_ASCII), d.png(), "the image shows its own code");
            assertTrue(codes.add(d.code()), "handed out twice: " + d.code());
        }
        assertEquals(0, pool.size());
        assertEquals(3, pool.takenFromPool());
        assertEquals(0, pool.drawnInline());

        // empty: drawn on the spot, never a repeat of an image already handed out
        CaptchaPool.Drawn inline = pool.take();
        assertFalse(codes.contains(inline.code()));
        assertEquals(1, pool.drawnInline());
        assertEquals(4, drawings.get());
    }

    @Test
    void fillStopsAtCapacity() {
        CaptchaPool pool = pool(5);
        pool.take();
        assertEquals(5, pool.fill());
        assertEquals(0, pool.fill());
        assertEquals(5, pool.capacity());
        pool.take();
        assertEquals(1, pool.fill());
    }

    @Test
    void theBackgroundThreadFillsAheadOfDemandAndStopsWhenInterrupted() throws Exception {
        CaptchaPool pool = pool(20);
        Thread refiller = new Thread(() -> pool.refill(1.0));
        refiller.start();
        try {
            waitFor(() -> pool.size() == 20);
            Thread.sleep(50);
            // full: it waits instead of drawing on (at most the one image it holds for the full pool)
            assertTrue(drawings.get() <= 21, "drew " + drawings.get());
            for (int i = 0; i < 10; i++) {
                pool.take();
            }
            assertEquals(0, pool.drawnInline());
            waitFor(() -> pool.size() == 20);
        } finally {
            refiller.interrupt();
            refiller.join(5_000);
        }
        assertFalse(refiller.isAlive(), "the refill loop ends when interrupted");
    }

    @Test
    void aSmallShareOfTheCpuMeansPausesBetweenImages() throws Exception {
        CaptchaPool pool = new CaptchaPool(1000, () -> "X", code -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // 2 ms of "drawing"
            }
            return new byte[1];
        });
        Thread refiller = new Thread(() -> pool.refill(0.1));
        refiller.start();
        Thread.sleep(400);
        refiller.interrupt();
        refiller.join(5_000);
        // flat out would be ~200 images in 400 ms; at a tenth of the time ~20
        assertTrue(pool.size() >= 1 && pool.size() <= 60, "drew " + pool.size());
    }

    @Test
    void concurrentVisitorsNeverGetTheSameImage() throws Exception {
        CaptchaPool pool = pool(2_000);
        pool.fill();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        mine.add(pool.take().code());
                    }
                    return mine;
                }));
            }
            List<String> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            assertEquals(2_400, all.size());
            assertEquals(2_400, new HashSet<>(all).size(), "an image was handed out twice");
            assertEquals(2_000, pool.takenFromPool());
            assertEquals(400, pool.drawnInline());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> pool(0));
        CaptchaPool pool = pool(1);
        assertThrows(IllegalArgumentException.class, () -> pool.refill(0));
        assertThrows(IllegalArgumentException.class, () -> pool.refill(1.5));
        assertThrows(IllegalArgumentException.class, () -> pool.refill(Double.NaN));
        assertThrows(NullPointerException.class, () -> new CaptchaPool(1, null, code -> new byte[0]));
    }

    @Test
    void withRealImagesEveryImageIsAPng() {
        System.setProperty("java.awt.headless", "true");
        CaptchaImage painter = new CaptchaImage();
        CaptchaPool pool = new CaptchaPool(2, CaptchaCode::random, painter::png);
        pool.fill();
        CaptchaPool.Drawn d = pool.take();
        assertTrue(d.code().length() >= CaptchaCode.MIN_LENGTH);
        assertEquals((byte) 0x89, d.png()[0]);
        assertEquals('P', d.png()[1]);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
