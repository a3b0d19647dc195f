package org.kaowu.domain.ticket;

/** 座位安排 — one registration on one seat (1-based) of one room. */
public record Placement(long registrationId, long roomId, int seatNo) {

    public Placement {
        if (seatNo < 1) {
            throw new IllegalArgumentException("seat numbers start at 1, was " + seatNo);
        }
    }
}
