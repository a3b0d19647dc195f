package org.kaowu.domain.ticket;

import java.util.Objects;

/**
 * 考场 — one exam room of a site as the seat allocator sees it: its id, its code ("001") and how many seats it
 * has. Seats are numbered 1..capacity.
 */
public record Room(long id, String code, int capacity) {

    /** Seats in a room when the site has not said otherwise. */
    public static final int DEFAULT_CAPACITY = 30;

    public Room {
        Objects.requireNonNull(code, "code");
        if (capacity < 0) {
            throw new IllegalArgumentException("room " + code + ": capacity must not be negative, was " + capacity);
        }
    }

    /** A room with the default 30 seats. */
    public static Room of(long id, String code) {
        return new Room(id, code, DEFAULT_CAPACITY);
    }
}
