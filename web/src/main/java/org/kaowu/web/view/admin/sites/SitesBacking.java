package org.kaowu.web.view.admin.sites;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/sites} — 考点管理: the list of exam sites, with 新建 and 编辑 in a dialog. The service returns
 * every site (a province has tens, not thousands), so the keyword filter and the paginator work in memory.
 * The dialog edits the entity itself, so its Bean Validation constraints report next to each field and the
 * version it was loaded at travels with it to the service.
 */
@Named
@ViewScoped
public class SitesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "sitesForm:siteTable";

    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private String text;
    private List<ExamSite> all = List.of();
    private List<ExamSite> sites = List.of();
    private ExamSite form;

    @PostConstruct
    public void load() {
        try {
            all = exams.allSites(caller());
        } catch (BusinessException e) {
            all = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        search();
    }

    public void search() {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        sites = needle.isEmpty() ? all : all.stream()
                .filter(s -> contains(s.getCode(), needle) || contains(s.getName(), needle)
                        || contains(s.getAddress(), needle))
                .toList();
    }

    public void clear() {
        text = null;
        search();
    }

    /** 新建 */
    public void create() {
        form = new ExamSite(null, null, null);
    }

    /** 编辑: the row itself, which carries the version the list was loaded at. */
    public void edit(ExamSite site) {
        form = site;
    }

    public void save() {
        try {
            exams.saveSite(caller(), form);
            form = null;
            Messages.addGlobalInfo("admin.saved");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            PrimeFaces.current().ajax().update("messages", SitesBacking.TABLE);
        } catch (BusinessException e) {
            // shown in the dialog, which stays open (duplicate code, or someone else saved first)
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        // Also after a failure: a refused form may have changed a row object, and a conflict needs fresh versions.
        load();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public List<ExamSite> getSites() { return sites; }
    public ExamSite getForm() { return form; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
