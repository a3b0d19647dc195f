package org.kaowu.domain.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * 证书编号分配 — gives the passers of one (position, year) sequence consecutive sequence numbers, to be
 * formatted by {@link CertificateNumberRule}.
 * <ul>
 *   <li>Gap-free: new numbers run from {@code highestUsed + 1} without holes.</li>
 *   <li>Stable: a passer who already has a number keeps it; running again on the same passers assigns
 *       nothing. After an interrupted run (some numbered, some not) the rest continue from the highest.</li>
 *   <li>Deterministic: new numbers follow the order of the list, so the caller sorts (e.g. by ticket number).
 *       A passer added after numbering (e.g. after a score review) gets the next number, not one in that
 *       order: issued numbers never move.</li>
 * </ul>
 * {@code highestUsed} is the highest number of the whole sequence, read from the stored certificates: a
 * sequence per position and year can span several exam batches, so it may be above every number in the list.
 * All-or-nothing: a run that would overflow the sequence assigns nothing.
 * <p>
 * {@link #assign} plans a whole sequence at once; {@link #continuing} hands out numbers one by one, for a
 * chunked job that reads the unnumbered passers in order.
 */
public final class Numbering {

    /** A passer of the sequence; {@code sequence} is their number, or {@link #UNNUMBERED}. */
    public record Passer(long id, int sequence) {

        public static final int UNNUMBERED = 0;

        public Passer {
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence of passer " + id + " is negative: " + sequence);
            }
        }

        public static Passer unnumbered(long id) {
            return new Passer(id, UNNUMBERED);
        }

        public boolean isNumbered() {
            return sequence != UNNUMBERED;
        }
    }

    /** A new number for a passer. */
    public record Assignment(long id, int sequence) {
    }

    /**
     * What a run did: the new numbers in list order, how many passers kept theirs, and the highest number of
     * the sequence afterwards.
     */
    public record Result(List<Assignment> assigned, int kept, int highest) {

        public Result {
            assigned = List.copyOf(assigned);
        }
    }

    private final int maxSequence;
    private int highest;

    private Numbering(int highestUsed, int maxSequence) {
        this.highest = highestUsed;
        this.maxSequence = maxSequence;
    }

    /**
     * Numbers those without a number, in list order, from {@code highestUsed + 1}.
     *
     * @param passers     the sequence's passers in a deterministic order, numbered or not
     * @param highestUsed the highest number used in the sequence so far (0 if none)
     * @param maxSequence the highest number the rule allows ({@link CertificateNumberRule#maxSequence()})
     * @throws IllegalArgumentException if a passer is listed twice, two passers share a number, a number is
     *                                  above {@code highestUsed}, or the sequence would overflow (then nothing
     *                                  is assigned)
     */
    public static Result assign(List<Passer> passers, int highestUsed, int maxSequence) {
        Objects.requireNonNull(passers, "passers");
        checkBounds(highestUsed, maxSequence);
        int size = passers.size();
        long[] ids = new long[size];
        int[] sequences = new int[size];
        int numbered = 0;
        for (int i = 0; i < size; i++) {
            Passer passer = passers.get(i);
            ids[i] = passer.id();
            if (passer.isNumbered()) {
                if (passer.sequence() > highestUsed) {
                    throw new IllegalArgumentException("passer " + passer.id() + " has number " + passer.sequence()
                            + ", above the highest used " + highestUsed + ": read the highest from all "
                            + "certificates of the sequence");
                }
                sequences[numbered++] = passer.sequence();
            }
        }
        requireDistinct(ids, size, "passer", "listed twice");
        requireDistinct(sequences, numbered);
        int unnumbered = size - numbered;
        if ((long) highestUsed + unnumbered > maxSequence) {
            throw new IllegalArgumentException("sequence overflows: " + highestUsed + " used, " + unnumbered
                    + " more needed, the rule allows " + maxSequence);
        }
        List<Assignment> assigned = new ArrayList<>(unnumbered);
        int next = highestUsed;
        for (Passer passer : passers) {
            if (!passer.isNumbered()) {
                assigned.add(new Assignment(passer.id(), ++next));
            }
        }
        return new Result(assigned, numbered, next);
    }

    /**
     * A counter for a sequence whose highest number is {@code highestUsed}: the caller feeds it the unnumbered
     * passers in order. Not thread-safe; one per sequence (partition).
     */
    public static Numbering continuing(int highestUsed, int maxSequence) {
        checkBounds(highestUsed, maxSequence);
        return new Numbering(highestUsed, maxSequence);
    }

    /**
     * The next number.
     *
     * @throws IllegalStateException if the sequence is full (check capacity before starting to avoid it)
     */
    public int next() {
        if (highest >= maxSequence) {
            throw new IllegalStateException("sequence is full at " + maxSequence);
        }
        return ++highest;
    }

    /** The highest number handed out, or {@code highestUsed} if none yet. */
    public int highest() {
        return highest;
    }

    private static void checkBounds(int highestUsed, int maxSequence) {
        if (maxSequence < 1) {
            throw new IllegalArgumentException("maxSequence must be at least 1, was " + maxSequence);
        }
        if (highestUsed < 0 || highestUsed > maxSequence) {
            throw new IllegalArgumentException("highest used " + highestUsed + " is outside 0.." + maxSequence);
        }
    }

    // sorting copies is O(n log n) without boxing: a HashSet of a million Longs costs several times as much
    private static void requireDistinct(long[] values, int count, String what, String problem) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        for (int i = 1; i < count; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(what + " " + sorted[i] + " " + problem);
            }
        }
    }

    private static void requireDistinct(int[] sequences, int count) {
        int[] sorted = Arrays.copyOf(sequences, count);
        Arrays.sort(sorted);
        for (int i = 1; i < count; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("number " + sorted[i] + " is held by two passers");
            }
        }
    }
}
