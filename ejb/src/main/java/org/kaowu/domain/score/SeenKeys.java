package org.kaowu.domain.score;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The (ticket, subject) pairs seen in one file, as 128-bit fingerprints in an open-addressing table: 1,000,000
 * keys take about 32 MB instead of ~170 MB for a HashSet of string pairs. MD5 is used as a well-spread hash,
 * not for security; an accidental collision among a million keys has probability about 10^-27.
 */
final class SeenKeys {

    private long[] table;   // pairs (high, low); (0, 0) marks an empty slot
    private int size;
    // One per instance, not a ThreadLocal: container threads outlive deployments and would pin the class loader.
    private final MessageDigest md5;

    SeenKeys(int expected) {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
    }

    /** Adds the key; false if it was already there. */
    boolean add(String ticketNo, String subject) {
        long[] fp = fingerprint(ticketNo, subject);
        if (insert(table, fp[0], fp[1])) {
            size++;
            if (size * 4L > (table.length / 2) * 3L) {
                grow();
            }
            return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int slot = (int) (low ^ (low >>> 32)) & mask;
        while (true) {
            long h = table[slot * 2];
            long l = table[slot * 2 + 1];
            if (h == 0 && l == 0) {
                table[slot * 2] = high;
                table[slot * 2 + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }

    private long[] fingerprint(String ticketNo, String subject) {
        md5.reset();
        md5.update(ticketNo.getBytes(StandardCharsets.UTF_8));
        md5.update((byte) 0);   // separator: ("12", "3") must differ from ("1", "23")
        byte[] d = md5.digest(subject.getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (d[i] & 0xFF);
            low = (low << 8) | (d[i + 8] & 0xFF);
        }
        if (high == 0 && low == 0) {
            low = 1;   // keep the empty marker free
        }
        return new long[] {high, low};
    }
}
