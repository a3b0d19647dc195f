package org.kaowu.notify;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kaowu.service.NotificationService;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox every 5 seconds. The timer is not persistent: the outbox table is the durable part, so a
 * tick missed while the server was down is simply the next tick's work.
 * <p>
 * One pass at a time: a tick that finds the previous pass still running (a slow gateway) skips instead of
 * queueing up behind it or sending the same messages twice. Bean-managed concurrency with a lock rather than
 * {@code @Lock(WRITE)}, because a container lock that times out throws into the timer service and fills the
 * log, while {@code tryLock} just lets the tick go. Quiet when there is nothing to do: one indexed query, no
 * log line.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    /** Messages fetched per round. */
    static final int BATCH_SIZE = 50;
    /** Rounds per pass at most, so that one pass ends even under a flood (1,000 messages). */
    static final int MAX_ROUNDS = 20;
    /** How long {@link #deliverNow} waits for a running pass to finish. */
    static final long WAIT_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final ReentrantLock running = new ReentrantLock();

    @EJB
    private NotificationService notifications;
    @Inject
    private SmsSenders smsSenders;

    /** Names the SMS provider at start-up, which also makes a misconfigured provider fail the deployment. */
    @PostConstruct
    void announce() {
        LOG.info(() -> "Outbox dispatcher started; SMS provider " + smsSenders.providerName());
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!running.tryLock()) {
            return; // the previous pass is still at work
        }
        try {
            pass();
        } catch (RuntimeException e) {
            // e.g. the database is away; the next tick tries again
            LOG.log(Level.WARNING, "Outbox pass failed", e);
        } finally {
            running.unlock();
        }
    }

    /**
     * Runs one pass right away, after waiting for a pass already running (so a message committed before the
     * call has been tried when it returns). For tests and operators.
     *
     * @return messages handled (sent or failed attempt recorded)
     */
    public int deliverNow() {
        try {
            if (!running.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("an outbox pass has been running for over " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the running outbox pass", e);
        }
        try {
            return pass();
        } finally {
            running.unlock();
        }
    }

    private int pass() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int handled = notifications.deliverDue(BATCH_SIZE);
            total += handled;
            if (handled < BATCH_SIZE) {
                break;
            }
        }
        if (total > 0) {
            int handled = total;
            LOG.fine(() -> "Outbox pass handled " + handled + " message(s)");
        }
        return total;
    }
}
