package org.kaowu.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For the client-side kill tests: SIGKILL the test domain's server JVM ({@code destroyForcibly}), start the same
 * domain again with {@code asadmin start-domain} (the application stays deployed) and wait until it answers. The
 * restarted server is the same domain on the same ports, so the managed container's later deployments and its
 * final {@code stop-domain} reach it as if nothing happened.
 */
final class ServerKill {

    private ServerKill() {
    }

    /** Kills the server hard, starts the domain again and waits until {@code answers} (e.g. a test servlet's 200). */
    static void killAndRestart(BooleanSupplier answers) throws Exception {
        ProcessHandle server = serverProcess();
        server.destroyForcibly();
        server.onExit().get(1, TimeUnit.MINUTES);
        startDomain();
        TestData.waitUntil(answers::getAsBoolean, Duration.ofMinutes(5));
    }

    /** The test domain's server JVM: the one java process whose arguments say {@code -domainname <it.domain>}. */
    private static ProcessHandle serverProcess() {
        String domain = System.getProperty("it.domain");
        List<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> {
            try {
                List<String> args = List.of(new String(Files.readAllBytes(Path.of("/proc", p.pid() + "", "cmdline")),
                        StandardCharsets.UTF_8).split("\u0000"));
                int i = args.indexOf("-domainname");
                return args.stream().anyMatch(a -> a.endsWith("ASMain")) && i >= 0 && i + 1 < args.size()
                        && args.get(i + 1).equals(domain);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
        assertEquals(1, found.size(), "server processes of domain " + domain);
        return found.get(0);
    }

    private static void startDomain() throws Exception {
        String home = System.getProperty("payara.home");
        File log = File.createTempFile("start-domain", ".log");
        Process p = new ProcessBuilder(home + "/bin/asadmin", "start-domain", System.getProperty("it.domain"))
                .redirectErrorStream(true).redirectOutput(log).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "start-domain took over 5 minutes");
        assertEquals(0, p.exitValue(), Files.readString(log.toPath()));
    }
}
