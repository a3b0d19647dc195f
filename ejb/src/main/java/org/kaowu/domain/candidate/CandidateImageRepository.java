package org.kaowu.domain.candidate;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CandidateImageRepository extends JpaRepository<CandidateImage> {

    public CandidateImageRepository() {
        super(CandidateImage.class);
    }

    public Optional<CandidateImage> find(Candidate candidate, ImageKind kind) {
        return single(em.createQuery("select i from CandidateImage i where i.candidate = :candidate and i.kind = :kind",
                CandidateImage.class).setParameter("candidate", candidate).setParameter("kind", kind));
    }

    public List<ImageKind> kindsOf(Candidate candidate) {
        return em.createQuery("select i.kind from CandidateImage i where i.candidate = :candidate", ImageKind.class)
                .setParameter("candidate", candidate)
                .getResultList();
    }
}
