package org.kaowu.domain.registration;

import java.io.Serializable;

/**
 * 报名审核 list filter; each part null for "any". Text matches the name, the exact ID number or the exact
 * 报名号. Drafts (未提交) are never in the review list: nothing has been sent for review.
 */
public record ReviewFilter(Long batchId, Long siteId, Long positionId, RegistrationStatus status, String text)
        implements Serializable {

    public ReviewFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public ReviewFilter withSite(Long site) {
        return new ReviewFilter(batchId, site, positionId, status, text);
    }

    public ReviewFilter withStatus(RegistrationStatus newStatus) {
        return new ReviewFilter(batchId, siteId, positionId, newStatus, text);
    }
}
