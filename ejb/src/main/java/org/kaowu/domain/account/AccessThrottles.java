package org.kaowu.domain.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Per-client-address limits on the public forms, on top of the per-account lockout kept in the database.
 * In memory: they slow down a flood from one address; a restart forgets them, which is acceptable for
 * that purpose (the account lockout does not forget).
 */
@ApplicationScoped
public class AccessThrottles {

    @Inject
    private Clock clock;
    /**
     * Public score queries per address per 10 minutes ({@value #SCORE_QUERIES} unless configured): a centre whose
     * candidates query from behind one shared address (a school's computer room) may raise it. Score-day benchmarks
     * lift it for their own deployment, since all their connections come from 127.0.0.1.
     */
    @Inject
    @ConfigProperty(name = SCORE_QUERY_LIMIT_PROPERTY, defaultValue = "" + SCORE_QUERIES)
    int scoreQueryLimit;

    private Throttle failedLogins;
    private Throttle registrations;
    private Throttle resetCodes;
    private Throttle scoreQueries;
    private Throttle certificateQueries;

    @PostConstruct
    void create() {
        failedLogins = new Throttle(20, Duration.ofMinutes(15), clock);
        registrations = new Throttle(20, Duration.ofHours(1), clock);
        resetCodes = new Throttle(10, Duration.ofHours(1), clock);
        if (scoreQueryLimit != SCORE_QUERIES) {
            LOG.info(() -> SCORE_QUERY_LIMIT_PROPERTY + " = " + scoreQueryLimit + ": public score queries per address"
                    + " per 10 minutes (default " + SCORE_QUERIES + ")");
        }
        scoreQueries = new Throttle(scoreQueryLimit, Duration.ofMinutes(10), clock);
        certificateQueries = new Throttle(CERTIFICATE_QUERIES, Duration.ofMinutes(10), clock);
    }

    /** Failed logins from one address, any account. */
    public Throttle failedLogins() {
        return failedLogins;
    }

    /** Accounts registered from one address. */
    public Throttle registrations() {
        return registrations;
    }

    /** Public score queries (成绩查询) from one address within 10 minutes. */
    public static final int SCORE_QUERIES = 20;
    /** MicroProfile Config key of the per-address score-query limit. */
    public static final String SCORE_QUERY_LIMIT_PROPERTY = "kaowu.score.queryLimit";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AccessThrottles.class.getName());

    /** Public score queries from one address (each also needs a CAPTCHA). */
    public Throttle scoreQueries() {
        return scoreQueries;
    }

    /** Public certificate queries (证书查询, by name and ID number or by verification code) within 10 minutes. */
    public static final int CERTIFICATE_QUERIES = 20;

    /** Public certificate queries from one address, both forms together. */
    public Throttle certificateQueries() {
        return certificateQueries;
    }

    /** Password-reset SMS requested from one address. */
    public Throttle resetCodes() {
        return resetCodes;
    }
}
