package org.kaowu.domain.exam;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.Optional;

@ApplicationScoped
public class ExamSiteRepository extends JpaRepository<ExamSite> {

    public ExamSiteRepository() {
        super(ExamSite.class);
    }

    public Optional<ExamSite> findByCode(String code) {
        return single(em.createQuery("select s from ExamSite s where s.code = :code", ExamSite.class)
                .setParameter("code", code));
    }
}
