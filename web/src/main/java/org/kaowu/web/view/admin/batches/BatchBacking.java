package org.kaowu.web.view.admin.batches;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.BatchStatus;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.service.BatchForm;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code /admin/batch?id=N} (or without id: a new batch) — every date of a batch, the sites taking part with
 * their seats, the positions offered, and 开放报名 / 关闭 / 归档. All rules (consistent dates, seats not below
 * those taken, nothing removed that candidates chose) are the service's; this bean shows its messages.
 */
@Named
@ViewScoped
public class BatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;

    private Long id;
    private BatchForm form;
    private BatchStatus status;
    private List<BatchSite> batchSites = List.of();
    private List<ExamSite> allSites = List.of();
    private List<Position> allPositions = List.of();
    private List<Long> positionIds = new ArrayList<>();
    private Long newSiteId;
    private Integer newSeats;

    public void load() {
        try {
            allSites = exams.allSites(caller());
            allPositions = exams.allPositions(caller());
            if (id == null) {
                form = new BatchForm();
                status = null;
                return;
            }
            reload();
        } catch (BusinessException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
            Faces.redirect(Faces.getRequestContextPath() + "/admin/batches");
        }
    }

    private void reload() {
        form = exams.batchForm(caller(), id);
        ExamBatch batch = exams.batch(id);
        status = batch.getStatus();
        batchSites = exams.sitesOf(id);
        positionIds = new ArrayList<>(batch.getPositions().stream().map(Position::getId).toList());
    }

    public void save() {
        try {
            ExamBatch saved = exams.saveBatch(caller(), form);
            if (id == null) {
                Messages.addFlashGlobalInfo("admin.batch.created", saved.getCode());
                Faces.redirect(Faces.getRequestContextPath() + "/admin/batch?id=" + saved.getId());
                return;
            }
            reload();
            Messages.addGlobalInfo("admin.saved");
        } catch (BusinessException e) {
            failed(e);
        }
    }

    public void savePositions() {
        try {
            exams.setPositions(caller(), id, form.getVersion(), new LinkedHashSet<>(positionIds));
            reload();
            Messages.addGlobalInfo("admin.saved");
        } catch (BusinessException e) {
            failed(e);
        }
    }

    public void addSite() {
        try {
            if (newSiteId == null || newSeats == null) {
                throw new BusinessException("admin.batch.siteAndSeatsRequired");
            }
            exams.setSeats(caller(), id, newSiteId, newSeats);
            newSiteId = null;
            newSeats = null;
            reload();
            Messages.addGlobalInfo("admin.saved");
        } catch (BusinessException e) {
            failed(e);
        }
    }

    public void saveSeats(BatchSite batchSite) {
        try {
            exams.setSeats(caller(), id, batchSite.getSite().getId(), batchSite.getSeats());
            reload();
            Messages.addGlobalInfo("admin.saved");
        } catch (BusinessException e) {
            failed(e);
        }
    }

    public void removeSite(BatchSite batchSite) {
        try {
            exams.removeSite(caller(), id, batchSite.getSite().getId());
            reload();
            Messages.addGlobalInfo("admin.saved");
        } catch (BusinessException e) {
            failed(e);
        }
    }

    public void open() {
        move(BatchStatus.OPEN);
    }

    public void close() {
        move(BatchStatus.CLOSED);
    }

    public void archive() {
        move(BatchStatus.ARCHIVED);
    }

    private void move(BatchStatus target) {
        try {
            exams.moveBatch(caller(), id, form.getVersion(), target);
            reload();
            Messages.addGlobalInfo("admin.batch.status." + target);
        } catch (BusinessException e) {
            failed(e);
        }
    }

    /** A conflict reloads the current state, so the admin sees what the other person saved. */
    private void failed(BusinessException e) {
        Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        if (e instanceof ConflictException && id != null) {
            reload();
        }
    }

    /** Sites not yet in the batch, for 添加考点. */
    public List<ExamSite> getAddableSites() {
        return allSites.stream().filter(s -> batchSites.stream().noneMatch(bs -> bs.getSite().getId().equals(s.getId())))
                .toList();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public BatchForm getForm() { return form; }
    public BatchStatus getStatus() { return status; }
    public List<BatchSite> getBatchSites() { return batchSites; }
    public List<Position> getAllPositions() { return allPositions; }
    public List<Long> getPositionIds() { return positionIds; }
    public void setPositionIds(List<Long> positionIds) { this.positionIds = positionIds; }
    public Long getNewSiteId() { return newSiteId; }
    public void setNewSiteId(Long newSiteId) { this.newSiteId = newSiteId; }
    public Integer getNewSeats() { return newSeats; }
    public void setNewSeats(Integer newSeats) { this.newSeats = newSeats; }
}
