package org.kaowu.it;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

/** Unique values per test, so tests never depend on each other or on an empty database. */
public final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private TestData() {
    }

    /** An upper-case code of the given length that fits the [0-9A-Z]+ code columns. */
    public static String code(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)]);
        }
        return sb.toString();
    }

    /**
     * A valid, random 18-character ID number (GB 11643 check digit), born 1980–1999 in Zhejiang. The space is wide
     * (~7·10^10): one test run stores tens of thousands of candidates, and with a single district (6.7·10^6 numbers)
     * a test registering 200 more met one of them in CI ("register.idTaken").
     */
    public static String idNumber() {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(RANDOM.nextInt(7300));
        String first17 = String.format("33%04d%04d%02d%02d%03d", 100 + RANDOM.nextInt(9800), birth.getYear(),
                birth.getMonthValue(), birth.getDayOfMonth(), RANDOM.nextInt(1000));
        return first17 + org.kaowu.domain.candidate.IdNumber.checkDigit(first17);
    }

    /** A valid ID number whose check character is X (so it is not digits only). */
    public static String idNumberEndingInX() {
        String id;
        do {
            id = idNumber();
        } while (id.charAt(17) != 'X');
        return id;
    }

    /** A mainland mobile number nobody else in the test run uses. */
    public static String mobile() {
        return String.format("139%08d", RANDOM.nextInt(100_000_000));
    }

    /** A client address of its own, so per-address throttles of one test never touch another. */
    public static String clientAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
    }

    /**
     * Polls until the condition holds; fails after the timeout. (Inside the server only the deployment's
     * classes exist, so no polling library.)
     */
    public static void waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
