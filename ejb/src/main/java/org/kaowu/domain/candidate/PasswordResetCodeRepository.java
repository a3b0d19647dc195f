package org.kaowu.domain.candidate;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.Optional;

@ApplicationScoped
public class PasswordResetCodeRepository extends JpaRepository<PasswordResetCode> {

    public PasswordResetCodeRepository() {
        super(PasswordResetCode.class);
    }

    /** The newest code sent to this candidate, if any. */
    public Optional<PasswordResetCode> findLatest(Candidate candidate) {
        return em.createQuery("select c from PasswordResetCode c where c.candidate = :candidate"
                        + " order by c.createdAt desc, c.id desc", PasswordResetCode.class)
                .setParameter("candidate", candidate)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<PasswordResetCode> findByTicketHash(String ticketHash) {
        return single(em.createQuery("select c from PasswordResetCode c where c.ticketHash = :hash",
                PasswordResetCode.class).setParameter("hash", ticketHash));
    }

    public long countSentToCandidateSince(Candidate candidate, LocalDateTime since) {
        return em.createQuery("select count(c) from PasswordResetCode c where c.candidate = :candidate"
                        + " and c.createdAt >= :since", Long.class)
                .setParameter("candidate", candidate)
                .setParameter("since", since)
                .getSingleResult();
    }

    public long countSentToMobileSince(String mobile, LocalDateTime since) {
        return em.createQuery("select count(c) from PasswordResetCode c where c.mobile = :mobile"
                        + " and c.createdAt >= :since", Long.class)
                .setParameter("mobile", mobile)
                .setParameter("since", since)
                .getSingleResult();
    }
}
