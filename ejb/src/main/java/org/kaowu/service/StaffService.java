package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.PasswordHasher;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffAccountRepository;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/** Staff accounts of the exam centre. */
@Stateless
public class StaffService {

    @Inject
    private StaffAccountRepository accounts;
    @Inject
    private ExamSiteRepository sites;
    @Inject
    private PasswordHasher passwordHasher;
    @Inject
    private Clock clock;

    /** Creates a staff account; a site admin must name the one site it administers. */
    public StaffAccount create(@NotBlank String username, @NotBlank String displayName, @NotNull char[] password,
                               @NotNull StaffRole role, Long siteId) {
        if (accounts.findByUsername(username).isPresent()) {
            throw new BusinessException("staff.usernameTaken", username);
        }
        ExamSite site = null;
        if (role == StaffRole.SITE_ADMIN) {
            site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        } else if (siteId != null) {
            throw new BusinessException("staff.siteOnlyForSiteAdmin");
        }
        return accounts.persist(new StaffAccount(username, displayName, passwordHasher.hash(password), role, site,
                LocalDateTime.now(clock)));
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }
}
