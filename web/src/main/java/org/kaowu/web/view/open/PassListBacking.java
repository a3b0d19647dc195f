package org.kaowu.web.view.open;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.CertificateQueryService;
import org.omnifaces.util.Messages;

import java.util.List;

/**
 * {@code /query/pass-list?batch=N} — 合格名单 (public): the published pass lists, and one batch's passers with their
 * ID numbers masked. An unknown or unpublished batch says so (never a 500).
 */
@Named
@RequestScoped
public class PassListBacking {

    @EJB
    private CertificateQueryService queries;

    private String batch;
    private List<CertificateQueryService.PublishedList> lists;
    private CertificateQueryService.PassListView list;

    public void load() {
        lists = queries.publishedPassLists();
        if (batch == null || batch.isBlank()) {
            return;
        }
        try {
            list = queries.passList(Long.valueOf(batch.strip()));
        } catch (NumberFormatException e) {
            Messages.addGlobalError("passList.notFound");
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public String getBatch() { return batch; }
    public void setBatch(String batch) { this.batch = batch; }
    public List<CertificateQueryService.PublishedList> getLists() { return lists; }
    public CertificateQueryService.PassListView getList() { return list; }
}
