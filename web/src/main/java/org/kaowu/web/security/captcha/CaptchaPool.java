package org.kaowu.web.security.captcha;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pre-drawn CAPTCHA images (code + PNG), so that handing out a challenge costs a queue poll instead of ~0.5 ms of
 * drawing and PNG encoding — what lets the public score query hold the score-day spike on a small server.
 * <p>
 * Each image leaves the pool once ({@link #take}) and is never kept or handed out again. A background thread
 * ({@link #refill}) draws ahead of demand, using at most a configured share of one core so that it does not starve
 * the requests during a spike; when the pool is empty, {@link #take} draws inline, so a visitor never waits for
 * the background thread. Thread-safe.
 */
public final class CaptchaPool {

    /** One image and its code. */
    public record Drawn(String code, byte[] png) {
        public Drawn {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(png, "png");
        }
    }

    private final BlockingQueue<Drawn> ready;
    private final Supplier<String> codes;
    private final Function<String, byte[]> painter;
    private final LongAdder takenFromPool = new LongAdder();
    private final LongAdder drawnInline = new LongAdder();

    /**
     * @param capacity images kept ready (at least 1)
     * @param codes    the code of each new image
     * @param painter  draws a code as PNG bytes
     */
    public CaptchaPool(int capacity, Supplier<String> codes, Function<String, byte[]> painter) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.ready = new ArrayBlockingQueue<>(capacity);
        this.codes = Objects.requireNonNull(codes, "codes");
        this.painter = Objects.requireNonNull(painter, "painter");
    }

    /** The next image: a pre-drawn one (removed from the pool), or one drawn now when the pool is empty. */
    public Drawn take() {
        Drawn drawn = ready.poll();
        if (drawn != null) {
            takenFromPool.increment();
            return drawn;
        }
        drawnInline.increment();
        return draw();
    }

    /** Draws on the calling thread until the pool is full; returns how many images were added. */
    public int fill() {
        int added = 0;
        while (ready.remainingCapacity() > 0) {
            if (!ready.offer(draw())) {
                break; // filled meanwhile by another thread: the extra image is dropped, never handed out
            }
            added++;
        }
        return added;
    }

    /**
     * The background loop: draws images as long as the pool has room, and waits while it is full. After each
     * image it pauses so that drawing takes at most {@code share} of the thread's time (1 = flat out). Returns
     * when the thread is interrupted.
     */
    public void refill(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1]");
        }
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                Drawn drawn = draw();
                long spent = System.nanoTime() - start;
                ready.put(drawn); // blocks while the pool is full
                long pause = (long) (spent * (1 - share) / share);
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Drawn draw() {
        String code = codes.get();
        return new Drawn(code, painter.apply(code));
    }

    /** Images ready now. */
    public int size() {
        return ready.size();
    }

    public int capacity() {
        return ready.size() + ready.remainingCapacity();
    }

    /** Images handed out from the pool since it was created. */
    public long takenFromPool() {
        return takenFromPool.sum();
    }

    /** Images drawn inline because the pool was empty. */
    public long drawnInline() {
        return drawnInline.sum();
    }
}
