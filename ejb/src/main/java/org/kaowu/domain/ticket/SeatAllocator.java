package org.kaowu.domain.ticket;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 考场编排 — puts approved registrations of one exam site on seats: rooms in code order, seats 1..capacity,
 * each newcomer on the first free seat. Placements that already exist are never moved, so running it again
 * after late approvals only fills free seats (including gaps left by withdrawals); from scratch is the same
 * call with no existing placements. Same input, same output.
 * <p>
 * Linear in rooms + existing placements + candidates: one cursor walks the rooms and seats once, because a
 * free seat that was passed over can never become useful to a later candidate.
 * <p>
 * Running out of seats is not an error: the registrations that found no seat come back in
 * {@link Allocation#unplaced()} for the caller to report. Inconsistent existing placements (one registration
 * twice, two on one seat) are a caller bug and throw {@link IllegalArgumentException}.
 */
public final class SeatAllocator {

    /**
     * What one run added. {@code placed} holds only the new placements, in candidate order; {@code unplaced}
     * the candidates left without a seat, in candidate order.
     */
    public record Allocation(List<Placement> placed, List<Long> unplaced) {

        public Allocation {
            placed = List.copyOf(placed);
            unplaced = List.copyOf(unplaced);
        }

        /** Whether every candidate got a seat. */
        public boolean isComplete() {
            return unplaced.isEmpty();
        }
    }

    /**
     * Rooms by code with digit runs compared as numbers ("9" before "10", "001" before "002"), then by id, so
     * the order does not depend on how the caller sorted them or on zero-padding.
     */
    public static final Comparator<Room> ROOM_ORDER =
            Comparator.comparing(Room::code, SeatAllocator::compareNatural).thenComparingLong(Room::id);

    /**
     * Seats the candidates.
     *
     * @param rooms      the rooms of one site, in any order (sorted by {@link #ROOM_ORDER} here)
     * @param existing   placements made earlier; never changed. Placements in rooms not listed are ignored
     *                   apart from marking their registrations as already placed
     * @param candidates approved registration ids in the order they should get seats (e.g. by registration
     *                   number); ids already placed, and repeated ids, are skipped, so passing every approved
     *                   registration is fine
     */
    public Allocation allocate(List<Room> rooms, Collection<Placement> existing, List<Long> candidates) {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(candidates, "candidates");

        List<Room> ordered = new ArrayList<>(rooms);
        ordered.sort(ROOM_ORDER);
        int roomCount = ordered.size();
        Map<Long, Integer> indexById = new HashMap<>(roomCount * 2);
        int[] capacity = new int[roomCount];
        int[] free = new int[roomCount];
        for (int i = 0; i < roomCount; i++) {
            Room room = ordered.get(i);
            if (indexById.put(room.id(), i) != null) {
                throw new IllegalArgumentException("room id " + room.id() + " listed twice");
            }
            capacity[i] = room.capacity();
            free[i] = room.capacity();
        }

        // taken seats per room, only for rooms that have any (most rooms are empty on a first run)
        BitSet[] taken = new BitSet[roomCount];
        Set<Long> seated = new HashSet<>(Math.max(16, (existing.size() + candidates.size()) * 4 / 3 + 1));
        for (Placement p : existing) {
            if (!seated.add(p.registrationId())) {
                throw new IllegalArgumentException("registration " + p.registrationId() + " is placed twice");
            }
            Integer index = indexById.get(p.roomId());
            if (index == null) {
                continue;
            }
            BitSet seats = taken[index];
            if (seats == null) {
                seats = taken[index] = new BitSet(capacity[index] + 1);
            }
            if (seats.get(p.seatNo())) {
                throw new IllegalArgumentException("two registrations on seat " + p.seatNo() + " of room "
                        + ordered.get(index).code());
            }
            seats.set(p.seatNo());
            // a placement beyond a room's (since reduced) capacity still counts against it
            free[index]--;
        }

        List<Placement> placed = new ArrayList<>();
        List<Long> unplaced = new ArrayList<>();
        int room = 0;
        int nextSeat = 1;
        for (Long id : candidates) {
            Objects.requireNonNull(id, "candidate id");
            if (!seated.add(id)) {
                continue;
            }
            int seat = -1;
            while (room < roomCount) {
                if (free[room] > 0) {
                    int s = taken[room] == null ? nextSeat : taken[room].nextClearBit(nextSeat);
                    if (s <= capacity[room]) {
                        seat = s;
                        break;
                    }
                }
                room++;
                nextSeat = 1;
            }
            if (seat < 0) {
                unplaced.add(id);
                continue;
            }
            placed.add(new Placement(id, ordered.get(room).id(), seat));
            free[room]--;
            nextSeat = seat + 1;
        }
        return new Allocation(placed, unplaced);
    }

    /** Compares strings with runs of ASCII digits taken as numbers; equal numbers fall back to plain order. */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = i;
                while (endA < a.length() && isDigit(a.charAt(endA))) {
                    endA++;
                }
                int endB = j;
                while (endB < b.length() && isDigit(b.charAt(endB))) {
                    endB++;
                }
                // strip leading zeros, then the longer run is the bigger number
                int startA = i;
                while (startA < endA - 1 && a.charAt(startA) == '0') {
                    startA++;
                }
                int startB = j;
                while (startB < endB - 1 && b.charAt(startB) == '0') {
                    startB++;
                }
                int byLength = Integer.compare(endA - startA, endB - startB);
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = a.substring(startA, endA).compareTo(b.substring(startB, endB));
                if (byDigits != 0) {
                    return byDigits;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
