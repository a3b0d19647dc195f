package org.kaowu.service;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.score.ScoreImport;
import org.kaowu.exception.BusinessException;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 成绩收件箱 — operators drop score files into a folder ({@code kaowu.score.inbox}, default
 * {@code <kaowu.data.dir>/score-inbox}); every minute a poll imports them through the same {@code scoreImport} job
 * as an upload (source INBOX, shown in the batch's run history on {@code /admin/scores}).
 * <ul>
 *   <li>Name rule: {@code <batch code>-<anything>.csv} or {@code .xlsx} (extension in any case), e.g.
 *       {@code 2026S-scores.csv}. Hidden files and {@code *.part} / {@code *.tmp} are never touched.</li>
 *   <li>A file is taken only once it has not changed for {@link #QUIET} (its last-modified time), so a file still
 *       being copied in is left for a later poll.</li>
 *   <li>Taken files move to {@code processing/} (under a unique name) and run; when the run is COMPLETED the file
 *       moves to {@code done/}, when it fails for good (a file-level error) to {@code failed/} with
 *       {@code <name>.reason.txt}. A stopped or interrupted run keeps its file in {@code processing/} so it can be
 *       continued from the admin page. A file whose name breaks the rule, for an unknown batch or for a batch
 *       whose scores are published goes straight to {@code failed/} with its reason; one for a batch with another
 *       run still active stays in the inbox until that run ends.</li>
 * </ul>
 * {@code kaowu.score.inbox.enabled=false} turns the timer's polls off ({@link #pollNow} still works, for tests
 * and operators). One poll at a time, as in the outbox dispatcher: a tick that finds a poll running skips.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScoreInbox {

    /** Who the inbox's runs are uploaded and started by (audit log, run history). */
    public static final String ACTOR = "inbox";
    /** A file must be unchanged this long before it is taken. */
    public static final Duration QUIET = Duration.ofSeconds(10);
    /** {@code <batch code>-<anything>.csv|xlsx}; batch codes are {@code [0-9A-Z]+}. */
    static final Pattern NAME = Pattern.compile("([0-9A-Z]+)-.+\\.(?i:csv|xlsx)");

    private static final Logger LOG = Logger.getLogger(ScoreInbox.class.getName());

    /** What one poll did: file names taken, filed as done, filed as failed, left for later. */
    public record Poll(List<String> taken, List<String> done, List<String> failed, List<String> waiting)
            implements Serializable {
    }

    private final ReentrantLock running = new ReentrantLock();

    @EJB
    private ScoreService scores;
    @EJB
    private BatchJobService jobs;

    @Inject
    @ConfigProperty(name = "kaowu.score.inbox")
    private Optional<String> inbox;
    @Inject
    @ConfigProperty(name = "kaowu.data.dir")
    private Optional<String> dataDir;
    @Inject
    @ConfigProperty(name = "kaowu.score.inbox.enabled", defaultValue = "true")
    private boolean enabled;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!enabled || !running.tryLock()) {
            return;
        }
        try {
            poll(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Score inbox poll failed", e);
        } finally {
            running.unlock();
        }
    }

    /** One poll right away (after a running one), whatever the switch says. For tests and operators. */
    public Poll pollNow() {
        try {
            if (!running.tryLock(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("a score inbox poll has been running for over 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return poll(Instant.now());
        } finally {
            running.unlock();
        }
    }

    /** The inbox folder. */
    public Path folder() {
        return inbox.filter(f -> !f.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(ScoreService.dataDir(dataDir), "score-inbox"));
    }

    private Poll poll(Instant now) {
        Path root = folder();
        Path processing = root.resolve("processing");
        Path done = root.resolve("done");
        Path failed = root.resolve("failed");
        Poll poll = new Poll(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try {
            Files.createDirectories(processing);
            Files.createDirectories(done);
            Files.createDirectories(failed);
        } catch (IOException e) {
            LOG.warning(() -> "score inbox " + root + " cannot be used: " + e);
            return poll;
        }
        // first the runs that ended, so that a batch's next file can start in this same poll
        for (Path file : files(processing)) {
            fileAway(file, done, failed, poll);
        }
        for (Path file : files(root)) {
            take(file, now, processing, failed, poll);
        }
        return poll;
    }

    private void take(Path file, Instant now, Path processing, Path failed, Poll poll) {
        String name = file.getFileName().toString();
        if (name.endsWith(".part") || name.endsWith(".tmp")) {
            return;
        }
        try {
            if (Files.getLastModifiedTime(file).toInstant().isAfter(now.minus(QUIET))) {
                poll.waiting().add(name);
                return; // maybe still being written
            }
        } catch (IOException e) {
            return; // gone meanwhile
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            refuse(file, failed, "score.inbox.badName", name);
            poll.failed().add(name);
            return;
        }
        Path target = processing.resolve(UUID.randomUUID() + "-" + name);
        ScoreImport run;
        try {
            run = scores.registerInboxFile(m.group(1), file, target);
        } catch (BusinessException e) {
            if ("score.import.running".equals(e.getMessageKey())) {
                poll.waiting().add(name);
            } else {
                refuse(file, failed, e.getMessageKey(), Arrays.stream(e.getArguments()).map(String::valueOf).toArray(String[]::new));
                poll.failed().add(name);
            }
            return;
        }
        poll.taken().add(name);
        start(run.getId(), name);
    }

    private void start(Long importId, String name) {
        try {
            long execution = jobs.startScoreImport(importId);
            scores.attach(ACTOR, importId, execution);
            LOG.info(() -> "score inbox: " + name + " runs as import " + importId + ", execution " + execution);
        } catch (RuntimeException e) {
            // the run stays UPLOADED with its file in processing/: the next poll starts it
            LOG.log(Level.WARNING, "score inbox: import " + importId + " could not start", e);
        }
    }

    private void fileAway(Path file, Path done, Path failed, Poll poll) {
        Optional<ScoreService.Run> found = scores.inboxRun(file);
        String stored = file.getFileName().toString();
        String name = stored.length() > 37 ? stored.substring(37) : stored;
        if (found.isEmpty()) {
            // taken, but its run did not commit: nothing was imported
            refuse(file, failed, "score.inbox.noRun", name);
            poll.failed().add(name);
            return;
        }
        ScoreService.Run run = found.get();
        Long importId = run.data().getId();
        switch (run.state()) {
            case UPLOADED -> start(importId, name);
            case COMPLETED -> {
                Path target = moveInto(file, done, name);
                if (target != null) {
                    scores.inboxFiled(importId, target);
                    poll.done().add(name);
                }
            }
            case FAILED -> {
                if (run.isRestartable()) {
                    return; // a job error, not the file's: continued from the admin page
                }
                Path target = moveInto(file, failed, name);
                if (target != null) {
                    writeReason(target, run.errorKey(), "import " + importId, run.data().getErrorArgs());
                    scores.inboxFiled(importId, target);
                    poll.failed().add(name);
                }
            }
            default -> {
                // running, stopping, stopped or interrupted: stays until it ends
            }
        }
    }

    private void refuse(Path file, Path failed, String key, String... arguments) {
        Path target = moveInto(file, failed, file.getFileName().toString());
        if (target != null) {
            writeReason(target, key, String.join(" ", arguments), null);
            LOG.info(() -> "score inbox: " + file.getFileName() + " refused: " + key);
        }
    }

    /** Moves the file into the folder under its name (a number added if taken); null if it could not. */
    private static Path moveInto(Path file, Path folder, String name) {
        for (int n = 0; n < 1000; n++) {
            Path target = folder.resolve(n == 0 ? name : numbered(name, n));
            if (Files.exists(target) || Files.exists(reasonFile(target))) {
                continue;
            }
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: try the next number
            } catch (IOException e) {
                LOG.warning(() -> "score inbox: " + file + " could not be moved to " + folder + ": " + e);
                return null;
            }
        }
        return null;
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }

    /** {@code <file>.reason.txt}. */
    public static Path reasonFile(Path filed) {
        return filed.resolveSibling(filed.getFileName() + ".reason.txt");
    }

    /**
     * The reason as {@code key=value} lines: the bundle key (the same text the admin page shows for it, see
     * messages_*.properties), the details and the time.
     */
    private static void writeReason(Path filed, String key, String detail, String arguments) {
        StringBuilder text = new StringBuilder();
        text.append("reason=").append(key).append('\n');
        if (detail != null && !detail.isBlank()) {
            text.append("detail=").append(detail).append('\n');
        }
        if (arguments != null && !arguments.isBlank()) {
            text.append("arguments=").append(arguments.replace('\u001F', ' ')).append('\n');
        }
        text.append("at=").append(Instant.now()).append('\n');
        try {
            Files.writeString(reasonFile(filed), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning(() -> "score inbox: reason for " + filed + " not written: " + e);
        }
    }

    private static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "score inbox: " + folder + " cannot be listed: " + e);
        }
        files.sort(null);
        return files;
    }
}
