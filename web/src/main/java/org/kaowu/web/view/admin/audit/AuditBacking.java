package org.kaowu.web.view.admin.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.audit.AuditEntry;
import org.kaowu.domain.audit.AuditFilter;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AuditService;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * {@code /admin/audit} — 操作日志: every staff action, newest first, page by page from the database, and the
 * same selection as an Excel file. Read only: the service offers no way to change an entry. The filters live
 * in this bean rather than in column filters, because a reflowed table hides its header on a phone.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "auditForm:auditTable";

    /** The export's columns, in the order AuditService writes them. */
    private static final List<String> EXPORT_HEADERS = Stream.of("time", "actor", "action", "targetType",
            "targetId", "summary", "before", "after").map(c -> "admin.audit.column." + c).toList();

    @EJB
    private AuditService audit;
    @Inject
    private SecurityContext security;

    private String actor;
    private AuditAction action;
    private String text;
    private LocalDate from;
    private LocalDate until;

    private final LazyDataModel<AuditEntry> entries = new AuditPage();

    /** Applies the filters from the first page on: the old page number means nothing for a new result. */
    public void search() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void clear() {
        actor = null;
        action = null;
        text = null;
        from = null;
        until = null;
        search();
    }

    /** 导出 Excel: the entries under the current filters, headers in the user's language. */
    public void export() {
        try {
            ResourceBundle bundle = Faces.getResourceBundle("msg");
            List<String> headers = EXPORT_HEADERS.stream().map(bundle::getString).toList();
            byte[] xlsx = audit.export(caller(), filter(), headers);
            Faces.sendFile(xlsx, "audit.xlsx", true);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    private AuditFilter filter() {
        return new AuditFilter(actor, action, text, from, until);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public AuditAction[] getActions() { return AuditAction.values(); }
    public int getMaxExportRows() { return AuditService.MAX_EXPORT_ROWS; }
    public LazyDataModel<AuditEntry> getEntries() { return entries; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public AuditAction getAction() { return action; }
    public void setAction(AuditAction action) { this.action = action; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getUntil() { return until; }
    public void setUntil(LocalDate until) { this.until = until; }

    /**
     * One page of the log under the current filters; the table's own sort and filter state is not used. A
     * refusal (not a province admin any more) shows an empty table and the reason.
     */
    private final class AuditPage extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, audit.count(caller(), filter()));
            } catch (BusinessException e) {
                Messages.addGlobalError(e.getMessageKey(), e.getArguments());
                return 0;
            }
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, AuditService.MAX_PAGE_SIZE));
            try {
                return audit.search(caller(), filter(), Math.max(0, first), size);
            } catch (BusinessException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.getId());
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return getWrappedData().stream().filter(e -> String.valueOf(e.getId()).equals(rowKey))
                    .findFirst().orElse(null);
        }
    }
}
