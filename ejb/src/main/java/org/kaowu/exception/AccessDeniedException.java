package org.kaowu.exception;

/**
 * The logged-in staff member may not do this (wrong role, another site's record). Says no more than that;
 * the attempt is written to the audit log.
 */
public class AccessDeniedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super("admin.accessDenied");
    }
}
