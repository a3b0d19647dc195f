package org.kaowu.domain.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class RegistrationRepository extends JpaRepository<Registration> {

    public RegistrationRepository() {
        super(Registration.class);
    }

    public Optional<Registration> find(Candidate candidate, ExamBatch batch) {
        return single(em.createQuery("select r from Registration r where r.candidate = :candidate and r.batch = :batch",
                Registration.class).setParameter("candidate", candidate).setParameter("batch", batch));
    }

    /** The candidate's own registration with this id; empty for anybody else's, exactly as for a missing one. */
    public Optional<Registration> findOwned(Long id, Candidate candidate) {
        return single(em.createQuery("select r from Registration r where r.id = :id and r.candidate = :candidate",
                Registration.class).setParameter("id", id).setParameter("candidate", candidate));
    }

    public List<Registration> findByCandidate(Candidate candidate) {
        return em.createQuery("select r from Registration r join fetch r.batch where r.candidate = :candidate"
                + " order by r.createdAt desc", Registration.class).setParameter("candidate", candidate).getResultList();
    }

    /**
     * Takes one seat of a batch site if one is left, in one statement: concurrent submissions queue on the
     * row lock and the last seats go to exactly as many as there are (the check constraint backs it up).
     */
    public boolean takeSeat(Long batchSiteId) {
        return em.createQuery("update BatchSite bs set bs.seatsTaken = bs.seatsTaken + 1"
                        + " where bs.id = :id and bs.seatsTaken < bs.seats")
                .setParameter("id", batchSiteId)
                .executeUpdate() == 1;
    }

    public void releaseSeat(Long batchSiteId) {
        em.createQuery("update BatchSite bs set bs.seatsTaken = bs.seatsTaken - 1 where bs.id = :id and bs.seatsTaken > 0")
                .setParameter("id", batchSiteId)
                .executeUpdate();
    }

    public int seatsTaken(Long batchSiteId) {
        return em.createQuery("select bs.seatsTaken from BatchSite bs where bs.id = :id", Integer.class)
                .setParameter("id", batchSiteId)
                .getSingleResult();
    }

    /** Seats left at a batch site, read from the database (not from a cached entity). */
    public int seatsLeft(Long batchSiteId) {
        return em.createQuery("select bs.seats - bs.seatsTaken from BatchSite bs where bs.id = :id", Integer.class)
                .setParameter("id", batchSiteId)
                .getSingleResult();
    }

    /**
     * 报名审核: one page of submitted registrations matching the filter, oldest submission first. The list shows
     * each row's positions: EclipseLink reads them for the whole page in one {@code IN} query instead of one per row.
     */
    public List<Registration> search(ReviewFilter filter, int first, int max) {
        return reviewQuery(filter, "select r", " order by r.submittedAt, r.id", Registration.class)
                .setHint("eclipselink.batch", "r.positions").setHint("eclipselink.batch.type", "IN")
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(ReviewFilter filter) {
        return reviewQuery(filter, "select count(r)", "", Long.class).getSingleResult();
    }

    /** Ids of the registrations matching the filter (bulk actions load and change them one by one). */
    public List<Long> ids(ReviewFilter filter, int max) {
        return reviewQuery(filter, "select r.id", " order by r.submittedAt, r.id", Long.class)
                .setMaxResults(max).getResultList();
    }

    private <R> TypedQuery<R> reviewQuery(ReviewFilter f, String select, String order, Class<R> type) {
        StringBuilder jpql = new StringBuilder(select)
                .append(" from Registration r join r.candidate c join r.batchSite bs where r.status <> :draft");
        if (f.batchId() != null) {
            jpql.append(" and r.batch.id = :batch");
        }
        if (f.siteId() != null) {
            jpql.append(" and bs.site.id = :site");
        }
        if (f.status() != null) {
            jpql.append(" and r.status = :status");
        }
        if (f.positionId() != null) {
            jpql.append(" and exists (select p.id from Registration r2 join r2.positions p"
                    + " where r2.id = r.id and p.id = :position)");
        }
        if (f.text() != null) {
            jpql.append(" and (lower(r.snapName) like :name escape '!' or c.idNumber = :exact or r.registrationNo = :exact)");
        }
        TypedQuery<R> query = em.createQuery(jpql + order, type).setParameter("draft", RegistrationStatus.DRAFT);
        if (f.batchId() != null) {
            query.setParameter("batch", f.batchId());
        }
        if (f.siteId() != null) {
            query.setParameter("site", f.siteId());
        }
        if (f.status() != null) {
            query.setParameter("status", f.status());
        }
        if (f.positionId() != null) {
            query.setParameter("position", f.positionId());
        }
        if (f.text() != null) {
            query.setParameter("name", containsPattern(f.text()));
            query.setParameter("exact", f.text().toUpperCase(Locale.ROOT));
        }
        return query;
    }

    public Optional<Registration> findByReceipt(String receiptNo) {
        return single(em.createQuery("select r from Registration r where r.receiptNo = :receipt", Registration.class)
                .setParameter("receipt", receiptNo));
    }

    /** Dashboard: [status, count] for a batch, optionally one site. */
    public List<Object[]> countByStatus(Long batchId, Long siteId) {
        return grouped("select r.status, count(r) from Registration r where r.batch.id = :batch"
                + (siteId == null ? "" : " and r.batchSite.site.id = :site") + " group by r.status", batchId, siteId);
    }

    /** Dashboard: [batch site id, status, count]. */
    public List<Object[]> countBySiteAndStatus(Long batchId, Long siteId) {
        return grouped("select r.batchSite.id, r.status, count(r) from Registration r where r.batch.id = :batch"
                + (siteId == null ? "" : " and r.batchSite.site.id = :site") + " group by r.batchSite.id, r.status",
                batchId, siteId);
    }

    /** Dashboard: [position id, status, count]. */
    public List<Object[]> countByPositionAndStatus(Long batchId, Long siteId) {
        return grouped("select p.id, r.status, count(r) from Registration r join r.positions p where r.batch.id = :batch"
                + (siteId == null ? "" : " and r.batchSite.site.id = :site") + " group by p.id, r.status",
                batchId, siteId);
    }

    private List<Object[]> grouped(String jpql, Long batchId, Long siteId) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("batch", batchId);
        if (siteId != null) {
            query.setParameter("site", siteId);
        }
        return query.getResultList();
    }

    /** Whether any registration uses this site of the batch or this position (then neither may be removed). */
    public boolean anyAt(Long batchSiteId) {
        return !em.createQuery("select r.id from Registration r where r.batchSite.id = :id", Long.class)
                .setParameter("id", batchSiteId).setMaxResults(1).getResultList().isEmpty();
    }

    public boolean anyFor(Long batchId, Long positionId) {
        return !em.createQuery("select r.id from Registration r join r.positions p where r.batch.id = :batch"
                        + " and p.id = :position", Long.class)
                .setParameter("batch", batchId).setParameter("position", positionId).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
