package org.kaowu.domain.notification;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * 重试策略 — when a failed delivery is tried again: exponential backoff (30 s, 1 min, 2 min, 4 min, … capped at
 * 30 min), and after the tenth failed attempt the message is given up (FAILED). With the defaults the outbox
 * keeps trying for about two hours: short outages of a gateway or mail server heal by themselves, while a
 * message that still fails after that needs a person, not more retries.
 */
public final class RetryPolicy {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 10);

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxAttempts;

    public RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
    }

    /** The wait after the given number of failed attempts (1 → 30 s, 2 → 1 min, …), never more than the cap. */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        // the shift is bounded so the multiplication cannot overflow; by then the cap applies anyway
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether a message that has failed this many times is given up. */
    public boolean isExhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** When to try again after the given number of failed attempts; empty when the message is given up. */
    public Optional<LocalDateTime> nextAttempt(int failedAttempts, LocalDateTime now) {
        return isExhausted(failedAttempts) ? Optional.empty() : Optional.of(now.plus(delayAfter(failedAttempts)));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
