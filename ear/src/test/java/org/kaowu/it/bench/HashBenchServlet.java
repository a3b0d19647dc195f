package org.kaowu.it.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only (added to {@link LoginBenchmark}'s deployment, never to the application): the raw PBKDF2 rate inside
 * the server JVM. {@code GET /bench/hash?threads=N&seconds=S} hashes on N threads for S seconds with the same call as
 * the benchmark's client-side baseline ({@link RawPbkdf2}) and answers "hashes/s CPU-ms-per-hash". The
 * server's JIT sees every digest Payara uses (SHA-1, SHA-256, MD5, …), so its PBKDF2 is compiled differently from a
 * JVM that only ever hashes with SHA-256: this is the baseline that differs from a login only by the login's own work.
 */
@WebServlet("/bench/hash")
public class HashBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int threads = Integer.parseInt(request.getParameter("threads"));
        long nanos = Long.parseLong(request.getParameter("seconds")) * 1_000_000_000L;
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
                        RawPbkdf2.hash();
                        hashes.incrementAndGet();
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().printf("%.4f %.2f%n", hashes.get() / seconds, cpu.get() / 1e6 / Math.max(1, hashes.get()));
    }
}
