package org.kaowu.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.exception.BusinessException;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What the small set-up lists (考点, 岗位) share: the whole list from the service (a province has tens of
 * each, not thousands), a keyword filter and paging in memory, and 新建 / 编辑 in a dialog that edits the
 * entity itself, so its Bean Validation constraints report next to each field and the version it was loaded
 * at travels with it to the service (a stale one is refused there).
 */
public abstract class EditableList<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SecurityContext security;

    private String text;
    private List<T> all = List.of();
    private List<T> shown = List.of();
    private T form;

    /** Everything, from the service. */
    protected abstract List<T> loadAll(String caller);

    /** Creates (no id) or changes the entity through the service. */
    protected abstract void save(String caller, T form);

    protected abstract T newForm();

    protected abstract Long idOf(T item);

    /** Whether an item matches the lower-case keyword. */
    protected abstract boolean matches(T item, String needle);

    /** Client id of the table, refreshed after a save. */
    protected abstract String table();

    @PostConstruct
    public void load() {
        try {
            all = loadAll(caller());
        } catch (BusinessException e) {
            all = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        search();
    }

    public void search() {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        shown = needle.isEmpty() ? all : all.stream().filter(item -> matches(item, needle)).toList();
    }

    public void clear() {
        text = null;
        search();
    }

    /** 新建 */
    public void create() {
        form = newForm();
    }

    /** 编辑: the row itself, which carries the version the list was loaded at. */
    public void edit(T item) {
        form = item;
    }

    public void save() {
        try {
            save(caller(), form);
            form = null;
            Messages.addGlobalInfo("admin.saved");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            PrimeFaces.current().ajax().update("messages", table());
        } catch (BusinessException e) {
            // shown in the dialog, which stays open (duplicate code, or someone else saved first)
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        // also after a failure: a refused form may have changed a row object, and a conflict needs fresh versions
        load();
    }

    protected static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public boolean isCreating() {
        return form != null && idOf(form) == null;
    }

    public List<T> getShown() { return shown; }
    public T getForm() { return form; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
