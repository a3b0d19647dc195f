package org.kaowu.web.view.admin.positions;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/positions} — 岗位管理: the list of positions (fee, pass line), with 新建 and 编辑 in a dialog.
 * Works like {@code PositionsBacking}: the whole list from the service, filtered in memory; the dialog edits the
 * entity itself, so Bean Validation reports next to each field and the loaded version reaches the service.
 */
@Named
@ViewScoped
public class PositionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "positionsForm:positionTable";

    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private String text;
    private List<Position> all = List.of();
    private List<Position> positions = List.of();
    private Position form;

    @PostConstruct
    public void load() {
        try {
            all = exams.allPositions(caller());
        } catch (BusinessException e) {
            all = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        search();
    }

    public void search() {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        positions = needle.isEmpty() ? all : all.stream()
                .filter(p -> contains(p.getCode(), needle) || contains(p.getName(), needle))
                .toList();
    }

    public void clear() {
        text = null;
        search();
    }

    /** 新建 */
    public void create() {
        form = new Position(null, null, null, null);
    }

    /** 编辑: the row itself, which carries the version the list was loaded at. */
    public void edit(Position position) {
        form = position;
    }

    public void save() {
        try {
            exams.savePosition(caller(), form);
            form = null;
            Messages.addGlobalInfo("admin.saved");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            PrimeFaces.current().ajax().update("messages", PositionsBacking.TABLE);
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

    public List<Position> getPositions() { return positions; }
    public Position getForm() { return form; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
