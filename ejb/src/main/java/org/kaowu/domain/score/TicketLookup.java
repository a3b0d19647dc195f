package org.kaowu.domain.score;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * 准考证查询 — what {@link ScoreLineRules} needs from the database, implemented by the caller for one exam
 * batch. Called once per line, so an implementation must not query per call: load the batch's tickets for a
 * chunk in one query (see {@link #prefetch}) and answer from a map.
 */
public interface TicketLookup {

    /** The ticket with this number in the batch being imported; empty if unknown or of another batch. */
    Optional<Ticket> ticket(String ticketNo);

    /**
     * Hint: these ticket numbers are about to be looked up (one chunk). Load them in one query
     * ({@code WHERE batch = ? AND ticket_no IN (…)}) and drop the previous chunk's. Default: nothing.
     */
    default void prefetch(Collection<String> ticketNos) {
    }

    /** Full marks of a subject when it is not the rules' default (e.g. 150); empty → the default. */
    default Optional<BigDecimal> maxScore(String subject) {
        return Optional.empty();
    }

    /**
     * 准考证 as the rules see it.
     *
     * @param idNumber normalised (upper-case X)
     * @param subjects the subject names or position codes a score may be given for on this ticket — whatever
     *                 the file's 科目/岗位 column is expected to contain
     */
    record Ticket(String ticketNo, String idNumber, String name, Set<String> subjects) {

        public Ticket {
            subjects = Set.copyOf(subjects);
        }
    }
}
