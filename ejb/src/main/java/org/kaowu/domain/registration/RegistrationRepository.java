package org.kaowu.domain.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.List;
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

    /** Seats left at a batch site, read from the database (not from a cached entity). */
    public int seatsLeft(Long batchSiteId) {
        return em.createQuery("select bs.seats - bs.seatsTaken from BatchSite bs where bs.id = :id", Integer.class)
                .setParameter("id", batchSiteId)
                .getSingleResult();
    }
}
