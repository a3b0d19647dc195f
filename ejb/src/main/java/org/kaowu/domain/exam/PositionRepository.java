package org.kaowu.domain.exam;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.Optional;

@ApplicationScoped
public class PositionRepository extends JpaRepository<Position> {

    public PositionRepository() {
        super(Position.class);
    }

    public Optional<Position> findByCode(String code) {
        return single(em.createQuery("select p from Position p where p.code = :code", Position.class)
                .setParameter("code", code));
    }
}
