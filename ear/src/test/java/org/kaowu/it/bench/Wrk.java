package org.kaowu.it.bench;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Runs wrk (Debian package {@code wrk}) with a Lua script from the test resources. The load generator shares the
 * machine's cores with the server, and wrk costs a fraction of the CPU of a Java HTTP client per request.
 * Scripts report their own counts in a line {@code RESULT name=value …} from {@code done()}.
 */
final class Wrk {

    private static final Pattern RESULT_VALUE = Pattern.compile("(\\w+)=([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+([0-9.]+)(us|ms|s)\\s*$");

    private Wrk() {
    }

    /** What one run printed: the script's RESULT values and wrk's latency distribution (milliseconds). */
    record Run(Map<String, Double> values, Map<String, Double> latencyMs, String output) {

        double value(String name) {
            Double v = values.get(name);
            if (v == null) {
                throw new AssertionError("wrk printed no " + name + ":\n" + output);
            }
            return v;
        }

        double p99Ms() {
            Double v = latencyMs.get("99");
            if (v == null) {
                throw new AssertionError("wrk printed no 99th percentile:\n" + output);
            }
            return v;
        }
    }

    /**
     * {@code wrk -t threads -c connections -d seconds --latency -s script url -- args}; the script is a resource
     * under {@code bench/}.
     */
    static Run run(String script, int threads, int connections, int seconds, String url, List<String> args)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("wrk-", ".lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + script)) {
            if (in == null) {
                throw new IOException("no script bench/" + script);
            }
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(connections),
                "-d", seconds + "s", "--latency", "-s", file.toString(), url));
        if (!args.isEmpty()) {
            command.add("--");
            command.addAll(args);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("wrk failed:\n" + output);
        }
        Files.deleteIfExists(file);
        Map<String, Double> values = new HashMap<>();
        Map<String, Double> latency = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Matcher m = RESULT_VALUE.matcher(line);
                while (m.find()) {
                    values.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            Matcher p = PERCENTILE.matcher(line);
            if (p.matches()) {
                double amount = Double.parseDouble(p.group(2));
                double ms = switch (p.group(3)) {
                    case "us" -> amount / 1000;
                    case "s" -> amount * 1000;
                    default -> amount;
                };
                latency.put(p.group(1), ms);
            }
        }
        return new Run(values, latency, output);
    }
}
