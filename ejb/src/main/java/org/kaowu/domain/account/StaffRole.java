package org.kaowu.domain.account;

/** Roles of the exam centre's staff; the names are the security roles the web layer checks. */
public enum StaffRole {
    /** 省中心管理员 — everything, all sites. */
    PROVINCE_ADMIN,
    /** 考点管理员 — review and payment for one site only. */
    SITE_ADMIN,
    /** 操作员 — runs imports and batch jobs, does not review. */
    OPERATOR
}
