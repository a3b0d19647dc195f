package org.kaowu.domain.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 限流 — an in-memory sliding-window limiter: at most {@code maxEvents} events per key within any
 * {@code window}. Used for login lockout ({@link #record} each failure, {@link #isBlocked} before checking,
 * {@link #reset} on success), SMS sending and public query rate limits ({@link #tryAcquire}).
 * <p>
 * State lives in this JVM only: a restart forgets it and several instances do not share it. That is
 * accepted for a first line of defence; durable lockout belongs in the database.
 * <p>
 * Memory is bounded two ways, because keys often come from the outside (user names, IPs, phone numbers):
 * every key keeps at most {@code maxEvents} timestamps, keys whose events have all expired are swept every
 * {@value #SWEEP_EVERY} calls, and the number of keys is capped (soft cap; concurrent inserts may overshoot
 * it by a few). When the cap is hit, expired keys go first, then the keys that were least recently active.
 */
public final class Throttle {

    public static final int DEFAULT_MAX_KEYS = 100_000;
    static final int SWEEP_EVERY = 1024;

    private final int maxEvents;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Object evictionLock = new Object();

    /** Events allowed per key within the window. */
    public int maxEvents() {
        return maxEvents;
    }

    public Throttle(int maxEvents, Duration window, Clock clock) {
        this(maxEvents, window, clock, DEFAULT_MAX_KEYS);
    }

    public Throttle(int maxEvents, Duration window, Clock clock, int maxKeys) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.maxEvents = maxEvents;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    /** Records an event and returns true if the key is under its limit; returns false (recording nothing) otherwise. */
    public boolean tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        maybeSweep();
        while (true) {
            Bucket bucket = bucketFor(key);
            synchronized (bucket) {
                if (bucket.removed) {
                    continue; // evicted between lookup and lock: retry with a fresh bucket
                }
                Instant now = clock.instant();
                bucket.prune(cutoff(now));
                if (bucket.events.size() >= maxEvents) {
                    return false;
                }
                bucket.events.addLast(now);
                return true;
            }
        }
    }

    /**
     * Records an event (typically a failed login) whether or not the key is already blocked. Only the newest
     * {@code maxEvents} are kept: they alone decide when the key is unblocked, and it stops a flood of failures
     * on one key from growing memory.
     */
    public void record(String key) {
        Objects.requireNonNull(key, "key");
        maybeSweep();
        while (true) {
            Bucket bucket = bucketFor(key);
            synchronized (bucket) {
                if (bucket.removed) {
                    continue;
                }
                Instant now = clock.instant();
                bucket.prune(cutoff(now));
                bucket.events.addLast(now);
                while (bucket.events.size() > maxEvents) {
                    bucket.events.removeFirst();
                }
                return;
            }
        }
    }

    /** Whether the key has reached its limit within the current window. Never creates state for the key. */
    public boolean isBlocked(String key) {
        return blockedUntil(key).isPresent();
    }

    /**
     * When the key stops being blocked: the moment its oldest counted event leaves the window. Empty if it is
     * not blocked now. At exactly that instant the key is no longer blocked.
     */
    public Optional<Instant> blockedUntil(String key) {
        Objects.requireNonNull(key, "key");
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Optional.empty();
        }
        synchronized (bucket) {
            if (bucket.removed) {
                return Optional.empty();
            }
            bucket.prune(cutoff(clock.instant()));
            if (bucket.events.size() < maxEvents) {
                return Optional.empty();
            }
            // The key is unblocked once the count drops below maxEvents; since at most maxEvents are kept,
            // that happens exactly when the oldest one expires.
            return Optional.of(bucket.events.peekFirst().plus(window));
        }
    }

    /** Forgets every event of the key (e.g. after a successful login). */
    public void reset(String key) {
        Objects.requireNonNull(key, "key");
        Bucket bucket = buckets.remove(key);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.removed = true;
                bucket.events.clear();
            }
        }
    }

    /** Number of keys currently held; for tests and monitoring. */
    int trackedKeys() {
        return buckets.size();
    }

    /** Removes every key whose events have all left the window. */
    void sweepExpired() {
        Instant cutoff = cutoff(clock.instant());
        for (Map.Entry<String, Bucket> entry : buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.prune(cutoff);
                if (bucket.events.isEmpty() && !bucket.removed) {
                    bucket.removed = true;
                    buckets.remove(entry.getKey(), bucket);
                }
            }
        }
    }

    /** An event at time t counts while t is strictly after now - window. */
    private Instant cutoff(Instant now) {
        return now.minus(window);
    }

    private Bucket bucketFor(String key) {
        Bucket existing = buckets.get(key);
        if (existing != null) {
            return existing;
        }
        if (buckets.size() >= maxKeys) {
            makeRoom();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket());
    }

    /** One thread at a time, and only one sweep per {@value #SWEEP_EVERY} calls, keeps this cheap. */
    private void maybeSweep() {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0 && sweeping.compareAndSet(false, true)) {
            try {
                sweepExpired();
            } finally {
                sweeping.set(false);
            }
        }
    }

    /**
     * Called when the key cap is reached: drop expired keys first; if that is not enough, drop the least
     * recently active keys, plus a tenth of the cap extra so that a flood of new keys does not trigger a full
     * scan on every single insert. Evicting live keys forgets their events (fails open) — the price of
     * bounded memory, paid only under a flood of distinct keys.
     */
    private void makeRoom() {
        synchronized (evictionLock) {
            if (buckets.size() < maxKeys) {
                return; // another thread already made room
            }
            sweepExpired();
            int excess = buckets.size() - maxKeys + 1;
            if (excess <= 0) {
                return;
            }
            int toEvict = Math.min(buckets.size(), excess + maxKeys / 10);
            List<Map.Entry<String, Instant>> byActivity = new ArrayList<>();
            for (Map.Entry<String, Bucket> entry : buckets.entrySet()) {
                Bucket bucket = entry.getValue();
                synchronized (bucket) {
                    Instant last = bucket.events.peekLast();
                    byActivity.add(Map.entry(entry.getKey(), last == null ? Instant.MIN : last));
                }
            }
            byActivity.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < toEvict && i < byActivity.size(); i++) {
                reset(byActivity.get(i).getKey());
            }
        }
    }

    /** Timestamps of one key, oldest first; guarded by its own monitor. */
    private static final class Bucket {
        final ArrayDeque<Instant> events = new ArrayDeque<>();
        /** Set once the bucket is out of the map, so a thread that still holds it retries instead of losing its event. */
        boolean removed;

        void prune(Instant cutoff) {
            while (!events.isEmpty() && !events.peekFirst().isAfter(cutoff)) {
                events.removeFirst();
            }
        }
    }
}
