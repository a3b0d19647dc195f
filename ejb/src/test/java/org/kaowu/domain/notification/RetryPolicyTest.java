package org.kaowu.domain.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 9, 0);
    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @ParameterizedTest(name = "after {0} failure(s) wait {1} s")
    @CsvSource({
            "1, 30",
            "2, 60",
            "3, 120",
            "4, 240",
            "5, 480",
            "6, 960",
            "7, 1800",   // 1920 s capped at 30 min
            "8, 1800",
            "9, 1800",
            "40, 1800",  // far beyond: still the cap, no overflow
            "2147483647, 1800"})
    void backsOffExponentiallyUpToTheCap(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), policy.delayAfter(failures));
    }

    @Test
    void givesUpAfterTheTenthFailure() {
        for (int failures = 1; failures <= 9; failures++) {
            assertFalse(policy.isExhausted(failures), "after " + failures);
            assertEquals(Optional.of(NOW.plus(policy.delayAfter(failures))), policy.nextAttempt(failures, NOW));
        }
        assertTrue(policy.isExhausted(10));
        assertEquals(Optional.empty(), policy.nextAttempt(10, NOW));
        assertEquals(Optional.empty(), policy.nextAttempt(11, NOW));
        assertEquals(10, policy.maxAttempts());
    }

    @Test
    void keepsTryingForAboutTwoHoursInAll() {
        Duration total = Duration.ZERO;
        for (int failures = 1; !policy.isExhausted(failures); failures++) {
            total = total.plus(policy.delayAfter(failures));
        }
        // 30 s + 1 + 2 + 4 + 8 + 16 min + 3 × 30 min
        assertEquals(Duration.ofSeconds(30 + 60 + 120 + 240 + 480 + 960 + 3 * 1800), total);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> policy.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
    }
}
