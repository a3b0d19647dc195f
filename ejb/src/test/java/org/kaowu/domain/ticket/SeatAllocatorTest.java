package org.kaowu.domain.ticket;

import org.junit.jupiter.api.Test;
import org.kaowu.domain.ticket.SeatAllocator.Allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeatAllocatorTest {

    private final SeatAllocator allocator = new SeatAllocator();

    @Test
    void fillsRoomsInCodeOrderAndSeatsFromOne() {
        List<Room> rooms = List.of(new Room(20, "002", 2), new Room(10, "001", 2), new Room(30, "010", 2));
        Allocation result = allocator.allocate(rooms, List.of(), ids(1, 5));

        assertEquals(List.of(
                new Placement(1, 10, 1), new Placement(2, 10, 2),
                new Placement(3, 20, 1), new Placement(4, 20, 2),
                new Placement(5, 30, 1)), result.placed());
        assertTrue(result.isComplete());
    }

    @Test
    void roomCodesCompareAsNumbersSoUnpaddedCodesStillSortRight() {
        List<Room> rooms = List.of(new Room(10, "10", 1), new Room(9, "9", 1), new Room(2, "A2", 1),
                new Room(1, "A10", 1));
        Allocation result = allocator.allocate(rooms, List.of(), ids(1, 4));

        assertEquals(List.of(9L, 10L, 2L, 1L), result.placed().stream().map(Placement::roomId).toList());
    }

    @Test
    void defaultCapacityIsThirty() {
        Allocation result = allocator.allocate(List.of(Room.of(1, "001"), Room.of(2, "002")), List.of(),
                ids(1, 31));

        assertEquals(30, result.placed().stream().filter(p -> p.roomId() == 1).count());
        assertEquals(new Placement(31, 2, 1), result.placed().get(30));
    }

    @Test
    void neverExceedsCapacityAndNeverSharesASeat() {
        Random random = new Random(42);
        List<Room> rooms = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            rooms.add(new Room(i, String.format("%03d", i), 1 + random.nextInt(35)));
        }
        int seats = rooms.stream().mapToInt(Room::capacity).sum();
        Allocation result = allocator.allocate(rooms, List.of(), ids(1, seats + 50));

        assertPlacementsValid(rooms, result.placed());
        assertEquals(seats, result.placed().size());
        assertEquals(50, result.unplaced().size());
    }

    @Test
    void sameInputGivesSameOutput() {
        List<Room> rooms = rooms(50, 30);
        List<Long> candidates = ids(1, 1400);
        Collections.shuffle(candidates, new Random(7));
        List<Room> shuffledRooms = new ArrayList<>(rooms);
        Collections.shuffle(shuffledRooms, new Random(8));

        Allocation first = allocator.allocate(rooms, List.of(), candidates);
        Allocation second = allocator.allocate(rooms, List.of(), List.copyOf(candidates));
        Allocation roomsInOtherOrder = allocator.allocate(shuffledRooms, List.of(), candidates);

        assertEquals(first, second);
        assertEquals(first, roomsInOtherOrder, "room order comes from the codes, not from the caller's list");
    }

    @Test
    void rerunKeepsExistingPlacementsAndFillsGapsLeftByWithdrawals() {
        List<Room> rooms = List.of(new Room(1, "001", 3), new Room(2, "002", 3));
        List<Placement> first = allocator.allocate(rooms, List.of(), ids(1, 5)).placed();
        // registrations 2 (room 1 seat 2) and 4 (room 2 seat 1) withdraw; 6, 7, 8 are approved late
        List<Placement> remaining = first.stream()
                .filter(p -> p.registrationId() != 2 && p.registrationId() != 4).toList();

        // the caller passes every approved registration; 1, 3 and 5 are skipped as already placed
        Allocation rerun = allocator.allocate(rooms, remaining, List.of(1L, 3L, 5L, 6L, 7L, 8L));

        assertEquals(List.of(
                new Placement(6, 1, 2),
                new Placement(7, 2, 1),
                new Placement(8, 2, 3)), rerun.placed(), "gaps first, in room and seat order");
        assertTrue(rerun.isComplete());
        List<Placement> all = new ArrayList<>(remaining);
        all.addAll(rerun.placed());
        assertPlacementsValid(rooms, all);
    }

    @Test
    void rerunWithNothingNewChangesNothing() {
        List<Room> rooms = rooms(3, 30);
        List<Placement> first = allocator.allocate(rooms, List.of(), ids(1, 70)).placed();

        Allocation again = allocator.allocate(rooms, first, ids(1, 70));

        assertTrue(again.placed().isEmpty());
        assertTrue(again.unplaced().isEmpty());
    }

    @Test
    void lateApprovalsAfterARandomHistoryStayValid() {
        Random random = new Random(3);
        List<Room> rooms = rooms(20, 30);
        List<Placement> current = new ArrayList<>(allocator.allocate(rooms, List.of(), ids(1, 500)).placed());
        long nextId = 501;
        for (int round = 0; round < 10; round++) {
            current.removeIf(p -> random.nextInt(10) == 0);           // some withdraw
            List<Placement> before = List.copyOf(current);
            List<Long> late = ids(nextId, nextId + 60);
            nextId += 61;

            Allocation result = allocator.allocate(rooms, current, late);

            current.addAll(result.placed());
            assertTrue(current.containsAll(before), "nobody already placed is moved");
            assertPlacementsValid(rooms, current);
            assertEquals(late.size(), result.placed().size() + result.unplaced().size());
            if (!result.unplaced().isEmpty()) {
                assertEquals(600, current.size(), "someone is left out only when every seat is taken");
            }
        }
    }

    @Test
    void overflowIsReportedInCandidateOrderNotThrown() {
        Allocation result = allocator.allocate(List.of(new Room(1, "001", 2)), List.of(), List.of(9L, 3L, 7L, 5L));

        assertEquals(List.of(new Placement(9, 1, 1), new Placement(3, 1, 2)), result.placed());
        assertEquals(List.of(7L, 5L), result.unplaced());
        assertFalse(result.isComplete());
    }

    @Test
    void noRoomsMeansEveryoneIsUnplaced() {
        Allocation result = allocator.allocate(List.of(), List.of(), List.of(1L, 2L));

        assertTrue(result.placed().isEmpty());
        assertEquals(List.of(1L, 2L), result.unplaced());
    }

    @Test
    void aRoomWhoseCapacityWasReducedTakesNoOneMore() {
        // room 1 had 4 seats, now holds 2, and seats 3 and 4 are still occupied: it is full
        List<Placement> existing = List.of(new Placement(1, 1, 3), new Placement(2, 1, 4));
        Allocation result = allocator.allocate(List.of(new Room(1, "001", 2), new Room(2, "002", 2)), existing,
                List.of(3L));

        assertEquals(List.of(new Placement(3, 2, 1)), result.placed());
    }

    @Test
    void repeatedCandidatesArePlacedOnce() {
        Allocation result = allocator.allocate(rooms(1, 30), List.of(), List.of(1L, 2L, 1L));

        assertEquals(2, result.placed().size());
    }

    @Test
    void inconsistentExistingPlacementsAreRejected() {
        List<Room> rooms = rooms(1, 30);
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(rooms,
                List.of(new Placement(1, 1, 5), new Placement(2, 1, 5)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(rooms,
                List.of(new Placement(1, 1, 5), new Placement(1, 1, 6)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> allocator.allocate(
                List.of(new Room(1, "001", 3), new Room(1, "002", 3)), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Placement(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Room(1, "001", -1));
    }

    @Test
    void hundredThousandCandidatesAcrossThreeThousandFourHundredRooms() {
        List<Room> rooms = rooms(3400, 30);
        List<Long> candidates = ids(1, 100_000);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            allocator.allocate(rooms, List.of(), candidates);
        }

        long start = System.nanoTime();
        Allocation fresh = allocator.allocate(rooms, List.of(), candidates);
        long freshNanos = System.nanoTime() - start;

        // re-run: every 10th withdrew, 12,000 late approvals fill the gaps and then the 2,000 free seats
        List<Placement> existing = fresh.placed().stream().filter(p -> p.registrationId() % 10 != 0).toList();
        List<Long> late = ids(200_001, 212_000);
        start = System.nanoTime();
        Allocation rerun = allocator.allocate(rooms, existing, late);
        long rerunNanos = System.nanoTime() - start;

        System.out.printf("SeatAllocator: 100,000 candidates into 3,400 rooms in %.1f ms; "
                        + "re-run with %,d placed and %,d late in %.1f ms%n",
                freshNanos / 1e6, existing.size(), late.size(), rerunNanos / 1e6);
        assertEquals(100_000, fresh.placed().size());
        assertTrue(fresh.isComplete());
        assertEquals(12_000, rerun.placed().size());
        List<Placement> all = new ArrayList<>(existing);
        all.addAll(rerun.placed());
        assertPlacementsValid(rooms, all);
    }

    private static void assertPlacementsValid(List<Room> rooms, List<Placement> placements) {
        Map<Long, Integer> capacity = new HashMap<>();
        rooms.forEach(r -> capacity.put(r.id(), r.capacity()));
        Map<Long, Integer> perRoom = new HashMap<>();
        Set<String> seats = new HashSet<>();
        Set<Long> registrations = new HashSet<>();
        for (Placement p : placements) {
            assertTrue(seats.add(p.roomId() + "/" + p.seatNo()), "seat shared: " + p);
            assertTrue(registrations.add(p.registrationId()), "placed twice: " + p);
            assertTrue(p.seatNo() >= 1 && p.seatNo() <= capacity.get(p.roomId()), "no such seat: " + p);
            perRoom.merge(p.roomId(), 1, Integer::sum);
        }
        perRoom.forEach((room, count) -> assertTrue(count <= capacity.get(room), "room " + room + " overfull"));
    }

    private static List<Room> rooms(int count, int capacity) {
        List<Room> rooms = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rooms.add(new Room(i, String.format("%03d", i), capacity));
        }
        return rooms;
    }

    /** Ids from first to last inclusive, as a mutable list. */
    private static List<Long> ids(long first, long last) {
        return new ArrayList<>(LongStream.rangeClosed(first, last).boxed().toList());
    }
}
