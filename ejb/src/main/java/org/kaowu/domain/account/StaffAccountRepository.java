package org.kaowu.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.Optional;

@ApplicationScoped
public class StaffAccountRepository extends JpaRepository<StaffAccount> {

    public StaffAccountRepository() {
        super(StaffAccount.class);
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return single(em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", username));
    }
}
