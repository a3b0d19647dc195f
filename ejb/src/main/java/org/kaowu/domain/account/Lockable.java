package org.kaowu.domain.account;

import java.time.LocalDateTime;

/**
 * An account that locks after repeated failed logins (candidates and staff alike). The counters live in
 * the database so a lock survives restarts and holds on every server.
 */
public interface Lockable {

    /** Failed logins in a row before the account locks (candidate manual's portal: 5). */
    int MAX_FAILURES = 5;
    /** How long a locked account stays locked. */
    java.time.Duration LOCK_DURATION = java.time.Duration.ofMinutes(15);

    int getFailedLogins();

    void setFailedLogins(int failedLogins);

    LocalDateTime getLockedUntil();

    void setLockedUntil(LocalDateTime lockedUntil);

    default boolean isLockedAt(LocalDateTime now) {
        return getLockedUntil() != null && now.isBefore(getLockedUntil());
    }

    /** Counts a failure; returns true when this failure locked the account. */
    default boolean recordFailure(LocalDateTime now) {
        int failures = getFailedLogins() + 1;
        if (failures >= MAX_FAILURES) {
            setFailedLogins(0);
            setLockedUntil(now.plus(LOCK_DURATION));
            return true;
        }
        setFailedLogins(failures);
        return false;
    }

    default void recordSuccess() {
        setFailedLogins(0);
        setLockedUntil(null);
    }
}
