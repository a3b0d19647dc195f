package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.audit.AuditEntry;
import org.kaowu.domain.audit.AuditEntryRepository;
import org.kaowu.domain.audit.AuditFilter;
import org.kaowu.export.XlsxTable;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * 操作日志: written by the other services inside their own transaction (an action that rolls back leaves no
 * entry), except refusals, which are kept even though the refused action rolls back. Only province admins
 * read it; nobody can change it.
 */
@Stateless
public class AuditService {

    public static final int MAX_PAGE_SIZE = 500;
    /** An export holds at most this many rows; narrow the filter for more. */
    public static final int MAX_EXPORT_ROWS = 100_000;

    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());

    @Inject
    private AuditEntryRepository entries;
    @Inject
    private StaffGuard guard;
    @Inject
    private Clock clock;

    /** Records an action as part of the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, AuditAction action, String targetType, Object targetId, String summary,
                       String before, String after) {
        entries.persist(new AuditEntry(LocalDateTime.now(clock), actor, action, targetType, targetId, summary,
                before, after));
    }

    /** A refused attempt: kept in its own transaction, because the refused action itself rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(String actor, String what, Object targetId) {
        LOG.warning(() -> "access denied: " + actor + " tried " + what + (targetId == null ? "" : " on " + targetId));
        entries.persist(new AuditEntry(LocalDateTime.now(clock), actor == null ? "-" : actor, AuditAction.ACCESS_DENIED,
                "access", targetId, what, null, null));
    }

    public List<AuditEntry> search(@NotNull String username, @NotNull AuditFilter filter, @Min(0) int first,
                                   @Min(1) @Max(MAX_PAGE_SIZE) int max) {
        guard.require(username, "audit.search", StaffRole.PROVINCE_ADMIN);
        return entries.search(filter, first, max);
    }

    public long count(@NotNull String username, @NotNull AuditFilter filter) {
        guard.require(username, "audit.search", StaffRole.PROVINCE_ADMIN);
        return entries.count(filter);
    }

    /** The filtered log as xlsx; the export itself is logged. */
    public byte[] export(@NotNull String username, @NotNull AuditFilter filter, @NotNull List<String> headers) {
        guard.require(username, "audit.export", StaffRole.PROVINCE_ADMIN);
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry e : entries.search(filter, 0, MAX_EXPORT_ROWS)) {
            rows.add(List.of(e.getAt(), e.getActor(), e.getAction().name(), e.getTargetType(),
                    nullToEmpty(e.getTargetId()), nullToEmpty(e.getSummary()), nullToEmpty(e.getBeforeState()),
                    nullToEmpty(e.getAfterState())));
        }
        record(username, AuditAction.EXPORT, "audit", null, "操作日志 " + rows.size() + " 行", null, describe(filter));
        return XlsxTable.write("操作日志", headers, rows);
    }

    private static String describe(AuditFilter f) {
        return "actor=" + f.actor() + ", action=" + f.action() + ", text=" + f.text() + ", from=" + f.from()
                + ", until=" + f.until();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
