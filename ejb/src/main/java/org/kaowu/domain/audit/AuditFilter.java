package org.kaowu.domain.audit;

import java.io.Serializable;
import java.time.LocalDate;

/** 操作日志 search: each part null for "any"; text matches the summary or the exact record id. */
public record AuditFilter(String actor, AuditAction action, String text, LocalDate from, LocalDate until)
        implements Serializable {

    public AuditFilter {
        actor = blankToNull(actor);
        text = blankToNull(text);
    }

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
