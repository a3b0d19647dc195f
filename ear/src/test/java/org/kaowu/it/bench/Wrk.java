package org.kaowu.it.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way benchmarks put HTTP load on the server: wrk (Debian package {@code wrk}) with a Lua script from
 * {@code src/test/resources/bench/}. Client and server share the machine's cores, and wrk costs a fraction of the
 * CPU of a Java HTTP client per request. Scripts report their figures from {@code done()} in one line
 * {@code KAOWU name=value …}, to which {@code run} adds {@code client_cpu_ms} (wrk's own CPU time); wrk's output is
 * printed as it is.
 */
final class Wrk {

    private static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    private static final Pattern FIGURE = Pattern.compile("(\\w+)=([0-9.]+)");

    private Wrk() {
    }

    /** {@code wrk -t threads -c connections -d seconds --latency -s script url -- args}; the script's figures. */
    static Map<String, Double> run(String script, int threads, int connections, int seconds, String url,
                                   List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(WRK, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", resource(script), url));
        if (!args.isEmpty()) {
            command.add("--");
            command.addAll(args);
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        // wrk's own CPU time, read from /proc while it runs (gone once it has ended): the client shares the cores
        long[] cpuTicks = new long[1];
        Thread cpu = new Thread(() -> {
            Path stat = Path.of("/proc/" + wrk.pid() + "/stat");
            while (wrk.isAlive()) {
                try {
                    String line = Files.readString(stat);
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    cpuTicks[0] = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    Thread.sleep(50);
                } catch (IOException | RuntimeException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "wrk-cpu");
        cpu.setDaemon(true);
        cpu.start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(wrk.waitFor(seconds + 120L, TimeUnit.SECONDS), "wrk did not end");
        cpu.join();
        System.out.println("[wrk " + script + " " + url + "]\n" + out);
        Map<String, Double> figures = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("KAOWU ")) {
                Matcher m = FIGURE.matcher(line);
                while (m.find()) {
                    figures.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        assertTrue(!figures.isEmpty(), "no figures from wrk: " + out);
        figures.put("client_cpu_ms", 10.0 * cpuTicks[0]);
        return figures;
    }

    private static String resource(String script) throws URISyntaxException {
        return Path.of(Wrk.class.getResource("/bench/" + script).toURI()).toString();
    }
}
