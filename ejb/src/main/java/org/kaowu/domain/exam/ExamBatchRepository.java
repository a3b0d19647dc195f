package org.kaowu.domain.exam;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExamBatchRepository extends JpaRepository<ExamBatch> {

    public ExamBatchRepository() {
        super(ExamBatch.class);
    }

    public Optional<ExamBatch> findByCode(String code) {
        return single(em.createQuery("select b from ExamBatch b where b.code = :code", ExamBatch.class)
                .setParameter("code", code));
    }

    /** Open batches whose registration has not ended yet, soonest exam first. */
    public List<ExamBatch> findOpenForRegistration(LocalDateTime now) {
        return em.createQuery("select b from ExamBatch b where b.status = :open"
                        + " and b.schedule.registrationEnd > :now order by b.schedule.examStart", ExamBatch.class)
                .setParameter("open", BatchStatus.OPEN)
                .setParameter("now", now)
                .getResultList();
    }

    public List<BatchSite> findSites(ExamBatch batch) {
        return em.createQuery("select bs from BatchSite bs join fetch bs.site s where bs.batch = :batch"
                        + " order by s.code", BatchSite.class)
                .setParameter("batch", batch)
                .getResultList();
    }

    public Optional<BatchSite> findSite(ExamBatch batch, ExamSite site) {
        return single(em.createQuery("select bs from BatchSite bs where bs.batch = :batch and bs.site = :site",
                        BatchSite.class)
                .setParameter("batch", batch)
                .setParameter("site", site));
    }

    public BatchSite persist(BatchSite batchSite) {
        em.persist(batchSite);
        return batchSite;
    }

    public void remove(BatchSite batchSite) {
        em.remove(batchSite);
    }
}
