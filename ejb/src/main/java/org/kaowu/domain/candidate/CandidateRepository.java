package org.kaowu.domain.candidate;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.Optional;

@ApplicationScoped
public class CandidateRepository extends JpaRepository<Candidate> {

    public CandidateRepository() {
        super(Candidate.class);
    }

    public Optional<Candidate> findByIdNumber(String idNumber) {
        return single(em.createQuery("select c from Candidate c where c.idNumber = :idNumber", Candidate.class)
                .setParameter("idNumber", idNumber));
    }
}
