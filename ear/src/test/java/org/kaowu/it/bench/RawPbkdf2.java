package org.kaowu.it.bench;

import org.kaowu.domain.account.PasswordHasher;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The login benchmark's baseline: PBKDF2-HMAC-SHA256 of {@link PasswordHasher}'s cost, straight from the JDK. The same
 * code runs in the benchmark's JVM ({@link LoginBenchmark}) and inside the server ({@link HashBenchServlet}).
 */
final class RawPbkdf2 {

    static final String PASSWORD = "Bench2026x";

    /** Hashes per second over all threads, and CPU per hash of the hashing threads themselves. */
    record Figures(double hashesPerSecond, double cpuMsPerHash) {
    }

    private RawPbkdf2() {
    }

    /** Hashes on {@code threads} threads for {@code seconds}. */
    static Figures run(int threads, int seconds) throws Exception {
        long nanos = seconds * 1_000_000_000L;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong hashes = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    while (System.nanoTime() - start < nanos) {
                        hash();
                        hashes.incrementAndGet();
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Figures(hashes.get() / elapsed, cpu.get() / 1e6 / Math.max(1, hashes.get()));
    }

    static void hash() throws GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, PasswordHasher.ITERATIONS, 256))
                .getEncoded();
    }
}
