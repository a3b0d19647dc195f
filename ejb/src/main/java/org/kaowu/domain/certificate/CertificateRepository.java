package org.kaowu.domain.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.score.PassVerdict;
import org.kaowu.infrastructure.persistence.BulkInsert;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Pass lists, certificates and numbering runs. The numbering job works on ids and projections (no ticket or
 * registration entities); the run's figures change only through bulk updates inside the chunk's transaction.
 */
@ApplicationScoped
public class CertificateRepository extends JpaRepository<Certificate> {

    /** Unnumbered passers of a position: score PASS and no certificate for the (ticket, position). */
    private static final String UNNUMBERED = " s.batchId = :batch and s.verdict = :pass and not exists"
            + " (select c.id from Certificate c where c.ticketId = s.ticketId and c.positionId = s.positionId)";

    private static final List<String> COLUMNS = List.of("batch_id", "registration_id", "ticket_id", "position_id",
            "certificate_no", "verification_code", "pass_date", "issued_at", "run_id");

    @Inject
    private BulkInsert bulk;

    public CertificateRepository() {
        super(Certificate.class);
    }

    // ---- pass list ----

    public Optional<PassList> passList(Long batchId) {
        return Optional.ofNullable(batchId == null ? null : em.find(PassList.class, batchId));
    }

    public PassList passListOrNew(Long batchId) {
        PassList p = em.find(PassList.class, batchId);
        if (p == null) {
            p = new PassList(batchId);
            em.persist(p);
        }
        return p;
    }

    /** Locks the batch row until the transaction ends: publication, withdrawal and runs of one batch queue here. */
    public Optional<ExamBatch> lockBatch(Long batchId) {
        return Optional.ofNullable(em.find(ExamBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Batches with a published pass list, newest exam first: [id, code, name, exam start]. */
    public List<Object[]> publishedPassLists() {
        return em.createQuery("select b.id, b.code, b.name, b.schedule.examStart from PassList p, ExamBatch b"
                + " where p.published = true and b.id = p.batchId order by b.schedule.examStart desc", Object[].class)
                .getResultList();
    }

    /**
     * The passers of a batch for the pass list, by position and ticket number:
     * [name, ID number, ticket no, position code, position name].
     */
    public List<Object[]> passers(Long batchId) {
        return em.createQuery("select r.snapName, c.idNumber, t.ticketNo, p.code, p.name"
                        + " from Score s, AdmissionTicket t, Registration r, Candidate c, Position p"
                        + " where s.batchId = :batch and s.verdict = :pass and t.id = s.ticketId"
                        + " and r.id = t.registrationId and c = r.candidate and p.id = s.positionId"
                        + " order by p.code, t.ticketNo", Object[].class)
                .setParameter("batch", batchId).setParameter("pass", PassVerdict.PASS).getResultList();
    }

    public long countPassers(Long batchId) {
        return em.createQuery("select count(s) from Score s where s.batchId = :batch and s.verdict = :pass", Long.class)
                .setParameter("batch", batchId).setParameter("pass", PassVerdict.PASS).getSingleResult();
    }

    public long countCertificates(Long batchId) {
        return em.createQuery("select count(c) from Certificate c where c.batchId = :batch", Long.class)
                .setParameter("batch", batchId).getSingleResult();
    }

    // ---- numbering ----

    /** [position id, unnumbered passers] of the batch's positions that have any. */
    public List<Object[]> unnumberedByPosition(Long batchId) {
        return em.createQuery("select s.positionId, count(s) from Score s where" + UNNUMBERED
                        + " group by s.positionId", Object[].class)
                .setParameter("batch", batchId).setParameter("pass", PassVerdict.PASS).getResultList();
    }

    /**
     * [ticket id, registration id, mobile, e-mail] of a position's unnumbered passers, in ticket-number order (the
     * contacts come along, so that a chunk needs no query of its own to tell them).
     */
    public List<Object[]> unnumberedPassers(Long batchId, Long positionId) {
        return em.createQuery("select s.ticketId, t.registrationId, r.snapMobile, r.snapEmail"
                        + " from Score s, AdmissionTicket t, Registration r"
                        + " where t.id = s.ticketId and r.id = t.registrationId and s.positionId = :position and"
                        + UNNUMBERED
                        + " order by t.ticketNo", Object[].class)
                .setParameter("batch", batchId).setParameter("position", positionId)
                .setParameter("pass", PassVerdict.PASS).getResultList();
    }

    /**
     * Locks the position's row until the transaction ends: every writer of a (position, year) sequence, in any
     * job or batch, takes it before reading the sequence's highest number, so writers of one sequence queue.
     */
    public void lockPosition(Long positionId) {
        em.createNativeQuery("SELECT id FROM position WHERE id = ? FOR UPDATE").setParameter(1, positionId)
                .getResultList();
    }

    /** The greatest number of one sequence: its prefix and its fixed length (see CertificateNumberRule#prefix). */
    public Optional<String> highestNumber(String prefix, int length) {
        return Optional.ofNullable(em.createQuery("select max(c.certificateNo) from Certificate c"
                        + " where c.certificateNo like :prefix and length(c.certificateNo) = :length", String.class)
                .setParameter("prefix", prefix + "%").setParameter("length", length).getSingleResult());
    }

    /**
     * Like {@link #highestNumber}, looking only at numbers from {@code atLeast} up to {@code atMost}: an index range
     * of a few entries when {@code atLeast} is the sequence's last number, where a plain MAX over the prefix would
     * read the whole sequence (H2 does). Empty if nothing of the sequence lies in the range.
     */
    public Optional<String> highestNumberBetween(String prefix, int length, String atLeast, String atMost) {
        return Optional.ofNullable(em.createQuery("select max(c.certificateNo) from Certificate c"
                        + " where c.certificateNo >= :from and c.certificateNo <= :to"
                        + " and c.certificateNo like :prefix and length(c.certificateNo) = :length", String.class)
                .setParameter("from", atLeast).setParameter("to", atMost)
                .setParameter("prefix", prefix + "%").setParameter("length", length).getSingleResult());
    }

    /**
     * Which of these tickets already have a certificate for the position. The query names the tickets only, so the
     * (ticket, position) unique index is the one index that fits; with the position in the WHERE clause PostgreSQL
     * chose the (batch, position) index and read the whole position's certificates for every chunk.
     */
    public List<Long> numberedTickets(Long positionId, Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c.ticketId, c.positionId from Certificate c where c.ticketId in :tickets",
                        Object[].class)
                .setParameter("tickets", ticketIds).getResultStream()
                .filter(row -> positionId.equals(row[1])).map(row -> (Long) row[0]).toList();
    }

    /**
     * A chunk's new certificates in one JDBC batch (see {@link BulkInsert}): they stay unmanaged, and the unique
     * constraints (number, code, (ticket, position)) check them as any insert.
     */
    public void insertAll(List<Certificate> certificates) {
        List<Object[]> rows = new ArrayList<>(certificates.size());
        for (Certificate c : certificates) {
            rows.add(new Object[] {c.getBatchId(), c.getRegistrationId(), c.getTicketId(), c.getPositionId(),
                    c.getCertificateNo(), c.getVerificationCode(), c.getPassDate(), c.getIssuedAt(), c.getRunId()});
        }
        bulk.insert("certificate", "certificate_seq", 50, COLUMNS, rows);
    }

    /** Which of these verification codes are taken. */
    public List<String> takenCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c.verificationCode from Certificate c where c.verificationCode in :codes",
                String.class).setParameter("codes", codes).getResultList();
    }

    // ---- runs ----

    /** Persists and flushes: the run's row exists (for refreshes and the job) before the transaction ends. */
    public CertificateRun persistRun(CertificateRun run) {
        em.persist(run);
        em.flush();
        return run;
    }

    /** A fresh copy from the database (the figures change behind the persistence context's back). */
    public Optional<CertificateRun> runFresh(Long runId) {
        CertificateRun run = runId == null ? null : em.find(CertificateRun.class, runId);
        if (run != null) {
            em.refresh(run);
        }
        return Optional.ofNullable(run);
    }

    /** Newest first. */
    public List<CertificateRun> runs(Long batchId, int max) {
        return em.createQuery("select r from CertificateRun r where r.batchId = :batch order by r.id desc",
                CertificateRun.class).setParameter("batch", batchId).setMaxResults(max).getResultList();
    }

    public void attach(Long runId, long executionId) {
        em.createQuery("update CertificateRun r set r.executionId = :e, r.errorKey = null where r.id = :id")
                .setParameter("e", executionId).setParameter("id", runId).executeUpdate();
    }

    public void failed(Long runId, String errorKey) {
        em.createQuery("update CertificateRun r set r.errorKey = :k where r.id = :id")
                .setParameter("k", errorKey).setParameter("id", runId).executeUpdate();
    }

    public void addNumbered(Long runId, long count) {
        em.createQuery("update CertificateRun r set r.numbered = r.numbered + :n where r.id = :id")
                .setParameter("n", count).setParameter("id", runId).executeUpdate();
    }

    // ---- queries ----

    private static final String VIEW = "select ce, r.snapName, c.idNumber, p.code, p.name, b.code, b.name, t.ticketNo"
            + " from Certificate ce, Registration r, Candidate c, Position p, ExamBatch b, AdmissionTicket t"
            + " where r.id = ce.registrationId and c = r.candidate and p.id = ce.positionId and b.id = ce.batchId"
            + " and t.id = ce.ticketId";

    /** [certificate, name, ID number, position code, position name, batch code, batch name, ticket no]. */
    public Optional<Object[]> viewByCode(String code) {
        return single(em.createQuery(VIEW + " and ce.verificationCode = :code", Object[].class)
                .setParameter("code", code));
    }

    /** Like {@link #viewByCode}, every certificate of one ID number, newest first. */
    public List<Object[]> viewsByIdNumber(String idNumber) {
        return em.createQuery(VIEW + " and c.idNumber = :id order by ce.issuedAt desc, ce.certificateNo", Object[].class)
                .setParameter("id", idNumber).getResultList();
    }

    /** One certificate, only if it belongs to this ID number. */
    public Optional<Object[]> viewOwned(Long certificateId, String idNumber) {
        return single(em.createQuery(VIEW + " and ce.id = :cert and c.idNumber = :id", Object[].class)
                .setParameter("cert", certificateId).setParameter("id", idNumber));
    }

    /** The registration's photo (for the PDF), or null. */
    public byte[] photo(Long registrationId) {
        List<byte[]> photos = em.createQuery("select r.snapPhoto from Registration r where r.id = :id", byte[].class)
                .setParameter("id", registrationId).getResultList();
        return photos.isEmpty() ? null : photos.get(0);
    }
}
