package org.kaowu.web.view.admin.sites;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.service.ExamService;
import org.kaowu.web.view.admin.EditableList;

import java.util.List;

/** {@code /admin/sites} — 考点管理: the exam sites, with 新建 and 编辑 in a dialog. */
@Named
@ViewScoped
public class SitesBacking extends EditableList<ExamSite> {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExamService exams;

    @Override
    protected List<ExamSite> loadAll(String caller) {
        return exams.allSites(caller);
    }

    @Override
    protected void save(String caller, ExamSite form) {
        exams.saveSite(caller, form);
    }

    @Override
    protected ExamSite newForm() {
        return new ExamSite(null, null, null);
    }

    @Override
    protected Long idOf(ExamSite site) {
        return site.getId();
    }

    @Override
    protected boolean matches(ExamSite s, String needle) {
        return contains(s.getCode(), needle) || contains(s.getName(), needle) || contains(s.getAddress(), needle);
    }

    @Override
    protected String table() {
        return "sitesForm:siteTable";
    }
}
