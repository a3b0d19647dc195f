package org.kaowu.it.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The test domain's Payara JVM as a benchmark on the same machine sees it (Linux /proc): CPU time by thread kind,
 * and a warm-up that loads it until its JIT compilers are quiet. On two cores C2 keeps compiling Payara's, JSF's
 * and our hot paths for minutes after the first requests and takes up to a fifth of the CPU meanwhile (measured
 * here): a figure taken after a few seconds measures the compiler.
 */
final class ServerJvm {

    /** Warm-up rounds go on until the JIT compilers take less than this share of the server's CPU. */
    static final double COMPILER_SHARE_SETTLED = 0.02;

    private final ProcessHandle process;

    private ServerJvm(ProcessHandle process) {
        this.process = process;
    }

    /** The server of the test domain: the JVM whose command line names it. */
    static ServerJvm find() {
        String domain = System.getProperty("it.domain", "kaowu-test");
        return new ServerJvm(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ASMain") && c.contains(domain)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no server process for domain " + domain)));
    }

    /**
     * Runs {@code round} (load for a while; returns its rate in {@code unit}) until the compiler threads' share of
     * the server's CPU stays below {@value #COMPILER_SHARE_SETTLED} in two rounds in a row (it comes in bursts:
     * one quiet round was once followed by a measurement with 6 % compiling), at most {@code maxRounds}.
     */
    void warmUp(String unit, int maxRounds, Callable<Double> round) throws Exception {
        int quiet = 0;
        for (int n = 1; n <= maxRounds; n++) {
            Threads before = threads();
            double rate = round.call();
            double share = threads().compilerShareSince(before);
            System.out.printf("[benchmark] warm-up round %d: %.2f %s, JIT compilers %.1f%% of server CPU%n",
                    n, rate, unit, 100 * share);
            quiet = share < COMPILER_SHARE_SETTLED ? quiet + 1 : 0;
            if (quiet == 2) {
                return;
            }
        }
        System.out.println("[benchmark] warm-up: the JIT did not settle; figures below include compilation");
    }

    /** CPU ticks (10 ms) of the server's threads now, by kind. */
    Threads threads() {
        Map<String, Long> ticks = new TreeMap<>();
        File[] tasks = new File("/proc/" + process.pid() + "/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[\\d()-]+$", "");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum); // utime + stime
            } catch (IOException | RuntimeException e) {
                // the thread ended between listing and reading
            }
        }
        return new Threads(ticks);
    }

    /**
     * CPU ticks (10 ms) of the server's threads by kind — the thread name without its number:
     * "http-thread-pool::…", "C2 CompilerThread", "GC Thread#", … (empty where there is no /proc).
     */
    record Threads(Map<String, Long> ticks) {

        /** CPU ms by kind since {@code before}, largest first. */
        Map<String, Double> msSinceByKind(Threads before) {
            Map<String, Double> ms = new LinkedHashMap<>();
            since(before).forEach((kind, ticks) -> ms.put(kind, 10.0 * ticks));
            return ms;
        }

        /** Ticks by kind since {@code before}, largest first. */
        private Map<String, Long> since(Threads before) {
            Map<String, Long> spent = new LinkedHashMap<>();
            ticks.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> spent.put(e.getKey(), e.getValue()));
            return spent;
        }

        /** The server's whole CPU time since {@code before}, in ms. */
        double msSince(Threads before) {
            return 10.0 * since(before).values().stream().mapToLong(Long::longValue).sum();
        }

        double compilerShareSince(Threads before) {
            Map<String, Long> spent = since(before);
            long all = spent.values().stream().mapToLong(Long::longValue).sum();
            long compilers = spent.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue).sum();
            return all == 0 ? 0 : (double) compilers / all;
        }
    }
}
