package org.kaowu.domain.score;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Scores, import runs, rejected lines and publications. The import works on ids and projections (no ticket or
 * registration entities), and the run's figures change only through bulk updates inside the chunk's
 * transaction.
 */
@ApplicationScoped
public class ScoreRepository extends JpaRepository<Score> {

    public ScoreRepository() {
        super(Score.class);
    }

    // ---- import runs ----

    public Optional<ScoreImport> importRun(Long importId) {
        return Optional.ofNullable(importId == null ? null : em.find(ScoreImport.class, importId));
    }

    /** A fresh copy from the database (the figures change behind the persistence context's back). */
    public Optional<ScoreImport> importRunFresh(Long importId) {
        Optional<ScoreImport> run = importRun(importId);
        run.ifPresent(em::refresh);
        return run;
    }

    public ScoreImport persistImport(ScoreImport run) {
        em.persist(run);
        return run;
    }

    /** Newest first. */
    public List<ScoreImport> importRuns(Long batchId, int max) {
        return em.createQuery("select i from ScoreImport i where i.batchId = :batch order by i.id desc", ScoreImport.class)
                .setParameter("batch", batchId).setMaxResults(max).getResultList();
    }

    /** The inbox run that works on this stored file (the inbox keeps its files under their own names). */
    public Optional<ScoreImport> inboxRun(String storedFile) {
        return em.createQuery("select i from ScoreImport i where i.source = :s and i.storedFile = :f", ScoreImport.class)
                .setParameter("s", ScoreImport.INBOX).setParameter("f", storedFile).getResultStream().findFirst();
    }

    /** The run's file was filed away by the inbox (done/ or failed/). */
    public void moved(Long importId, String storedFile) {
        em.createQuery("update ScoreImport i set i.storedFile = :f where i.id = :id")
                .setParameter("f", storedFile).setParameter("id", importId).executeUpdate();
    }

    public void attach(Long importId, long executionId, String by, LocalDateTime at) {
        em.createQuery("update ScoreImport i set i.executionId = :e, i.startedBy = :by, i.startedAt = :at,"
                        + " i.errorKey = null, i.errorArgs = null where i.id = :id")
                .setParameter("e", executionId).setParameter("by", by).setParameter("at", at)
                .setParameter("id", importId).executeUpdate();
    }

    public void fileChecked(Long importId, String format, String header, long totalLines) {
        em.createQuery("update ScoreImport i set i.fileFormat = :f, i.header = :h, i.totalLines = :t,"
                        + " i.errorKey = null, i.errorArgs = null where i.id = :id")
                .setParameter("f", format).setParameter("h", header).setParameter("t", totalLines)
                .setParameter("id", importId).executeUpdate();
    }

    public void failed(Long importId, String errorKey, String errorArgs) {
        em.createQuery("update ScoreImport i set i.errorKey = :k, i.errorArgs = :a where i.id = :id")
                .setParameter("k", errorKey).setParameter("a", errorArgs).setParameter("id", importId).executeUpdate();
    }

    /** Adds one chunk's figures; the last line only moves forward. */
    public void addFigures(Long importId, long read, long inserted, long updated, long unchanged, long rejected,
                           long lastLine) {
        em.createQuery("update ScoreImport i set i.linesRead = i.linesRead + :r, i.inserted = i.inserted + :ins,"
                        + " i.updated = i.updated + :upd, i.unchanged = i.unchanged + :unch,"
                        + " i.rejected = i.rejected + :rej, i.lastLine = :last where i.id = :id and i.lastLine < :last")
                .setParameter("r", read).setParameter("ins", inserted).setParameter("upd", updated)
                .setParameter("unch", unchanged).setParameter("rej", rejected).setParameter("last", lastLine)
                .setParameter("id", importId).executeUpdate();
    }

    // ---- rejected lines ----

    public void persistRejection(ScoreRejection rejection) {
        em.persist(rejection);
    }

    /** Line numbers rejected up to and including {@code upTo}: a restart rebuilds the accepted keys from them. */
    public List<Long> rejectedLineNumbers(Long importId, long upTo) {
        return em.createQuery("select r.lineNo from ScoreRejection r where r.importId = :i and r.lineNo <= :upTo",
                        Long.class)
                .setParameter("i", importId).setParameter("upTo", upTo).getResultList();
    }

    /** Rejections after a line (for a restart: anything there is not covered by the checkpoint). */
    public int deleteRejectionsAfter(Long importId, long line) {
        return em.createQuery("delete from ScoreRejection r where r.importId = :i and r.lineNo > :line")
                .setParameter("i", importId).setParameter("line", line).executeUpdate();
    }

    /** One page of rejected lines in line order, after {@code afterLine}. */
    public List<ScoreRejection> rejections(Long importId, long afterLine, int max) {
        return em.createQuery("select r from ScoreRejection r where r.importId = :i and r.lineNo > :after"
                        + " order by r.lineNo", ScoreRejection.class)
                .setParameter("i", importId).setParameter("after", afterLine).setMaxResults(max).getResultList();
    }

    // ---- what the import reads and writes ----

    /**
     * The tickets of the batch with these numbers, one row per registered position:
     * [ticket id, ticket no, ID number, name on the registration, position code].
     */
    public List<Object[]> ticketRows(Long batchId, Collection<String> ticketNos) {
        if (ticketNos.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t.id, t.ticketNo, c.idNumber, r.snapName, p.code from AdmissionTicket t"
                        + " join t.registration r join r.candidate c join r.positions p"
                        + " where t.batchId = :batch and t.ticketNo in :nos", Object[].class)
                .setParameter("batch", batchId).setParameter("nos", ticketNos).getResultList();
    }

    /** Like {@link #ticketRows} for every ticket of the batch, by ticket number. */
    public List<Object[]> ticketRowsOfBatch(Long batchId) {
        return em.createQuery("select t.id, t.ticketNo, c.idNumber, r.snapName, p.code from AdmissionTicket t"
                        + " join t.registration r join r.candidate c join r.positions p"
                        + " where t.batchId = :batch order by t.ticketNo, p.code", Object[].class)
                .setParameter("batch", batchId).getResultList();
    }

    /** The stored scores of these tickets (one query per chunk). */
    public List<Score> scoresOfTickets(Long batchId, Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from Score s where s.batchId = :batch and s.ticketId in :ids", Score.class)
                .setParameter("batch", batchId).setParameter("ids", ticketIds).getResultList();
    }

    /**
     * PostgreSQL only: fresh planner statistics for every table the import's ticket look-up joins (see
     * ScoreImportService) — registration_position too, whose stale figures made each chunk's look-up a hash join
     * over the whole table.
     */
    public void analyzeForImport() {
        em.createNativeQuery("ANALYZE admission_ticket, registration, registration_position, candidate").executeUpdate();
    }

    public long countScores(Long batchId) {
        return em.createQuery("select count(s) from Score s where s.batchId = :batch", Long.class)
                .setParameter("batch", batchId).getSingleResult();
    }

    // ---- publication and queries ----

    /** Locks the batch row until the transaction ends: publication and withdrawal of one batch queue here. */
    public Optional<org.kaowu.domain.exam.ExamBatch> lockBatch(Long batchId) {
        return Optional.ofNullable(em.find(org.kaowu.domain.exam.ExamBatch.class, batchId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<ScorePublication> publication(Long batchId) {
        return Optional.ofNullable(em.find(ScorePublication.class, batchId));
    }

    public ScorePublication publicationOrNew(Long batchId) {
        ScorePublication p = em.find(ScorePublication.class, batchId);
        if (p == null) {
            p = new ScorePublication(batchId);
            em.persist(p);
        }
        return p;
    }

    public List<Long> publishedBatchIds() {
        return em.createQuery("select p.batchId from ScorePublication p where p.published = true", Long.class)
                .getResultList();
    }

    /**
     * Every score of the batch for the query cache, by ID number: [ID number, name, ticket no, position code,
     * position name, score, status, verdict].
     */
    public List<Object[]> results(Long batchId) {
        return em.createQuery("select c.idNumber, r.snapName, t.ticketNo, p.code, p.name, s.score, s.status, s.verdict"
                        + " from Score s, AdmissionTicket t, Registration r, Candidate c, Position p"
                        + " where s.batchId = :batch and t.id = s.ticketId and r.id = t.registrationId"
                        + " and c = r.candidate and p.id = s.positionId order by c.idNumber, p.code", Object[].class)
                .setParameter("batch", batchId).getResultList();
    }

    /** Whom to tell about published scores: [mobile, e-mail] of each registration with a score in the batch. */
    public List<Object[]> contactsWithScores(Long batchId) {
        return em.createQuery("select r.snapMobile, r.snapEmail from Registration r where r.id in"
                        + " (select t.registrationId from AdmissionTicket t where t.batchId = :batch and t.id in"
                        + " (select s.ticketId from Score s where s.batchId = :batch))", Object[].class)
                .setParameter("batch", batchId).getResultList();
    }
}
