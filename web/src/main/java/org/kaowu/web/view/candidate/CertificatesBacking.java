package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.service.CertificateQueryService;

import java.util.List;

/** {@code /candidate/certificates} — 个人中心 → 我的证书 → 已获证书: the caller's certificates, to view and download. */
@Named("candidateCertificatesBacking")
@RequestScoped
public class CertificatesBacking {

    @EJB
    private CertificateQueryService queries;
    @Inject
    private SecurityContext security;

    private List<CertificateQueryService.View> mine;

    public List<CertificateQueryService.View> getMine() {
        if (mine == null) {
            mine = queries.mine(security.getCallerPrincipal().getName());
        }
        return mine;
    }
}
