package org.kaowu.domain.registration;

/**
 * Where a registration stands. The manual's final 审核通过 means reviewed <em>and</em> paid, so review and
 * payment are two steps here: REVIEWED (审核通过，待缴费) then APPROVED (审核通过 — 报名成功).
 */
public enum RegistrationStatus {
    /** 未提交 — site and positions chosen, not yet sent for review. */
    DRAFT,
    /** 待审核 — sent for review; holds a seat. */
    SUBMITTED,
    /** 审核未通过 — the reason is on the registration; the candidate may correct and submit again. */
    REJECTED,
    /** 审核通过，待缴费 — reviewed on site, payment outstanding; holds a seat. */
    REVIEWED,
    /** 审核通过 — reviewed and paid: 恭喜您，报名成功. */
    APPROVED,
    /** 已撤回 — withdrawn by the candidate before review; the seat was given back. */
    WITHDRAWN;

    /** Whether the candidate may still change site and positions. */
    public boolean isEditable() {
        return this == DRAFT || this == REJECTED || this == WITHDRAWN;
    }

    /** Whether the registration occupies a seat of its site. */
    public boolean holdsSeat() {
        return this == SUBMITTED || this == REVIEWED || this == APPROVED;
    }
}
