package org.kaowu.web.view.admin.review;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.web.BundleMessageResolver;
import org.kaowu.domain.account.Roles;
import org.kaowu.domain.candidate.IdNumber;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.domain.registration.ReviewFilter;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ExamService;
import org.kaowu.service.ReviewService;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/review} — 报名审核: the registrations sent for review, page by page from the database, with
 * filters, 批量审核通过 for what the filter selects, and the Excel export. ID numbers are masked in the table
 * and the export. A site admin's list is confined to the own site by the service, whatever the filter says.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "reviewForm:reviewTable";

    @EJB
    private ReviewService reviews;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;
    @Inject
    private BundleMessageResolver bundle;

    private List<ExamBatch> batches;
    private List<ExamSite> sites;
    private List<Position> positions;

    private Long batchId;
    private Long siteId;
    private Long positionId;
    private RegistrationStatus status = RegistrationStatus.SUBMITTED;
    private String text;

    private final LazyDataModel<Registration> registrations = new ReviewPage();

    @PostConstruct
    void init() {
        try {
            batches = exams.allBatches(caller());
            sites = exams.allSites(caller());
            positions = exams.allPositions(caller());
        } catch (BusinessException e) {
            batches = List.of();
            sites = List.of();
            positions = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        // all batches at first: a reviewer's work is whatever waits, in whichever batch
    }

    public void search() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void clear() {
        siteId = null;
        positionId = null;
        status = RegistrationStatus.SUBMITTED;
        text = null;
        search();
    }

    /** 批量审核通过: everything 待审核 under the current filter. */
    public void passAll() {
        try {
            int passed = reviews.passAll(caller(), filter());
            Messages.addGlobalInfo("admin.review.passedAll", passed);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** How many 待审核 the bulk action would pass, for its confirmation. */
    public long getSubmittedCount() {
        if (status != null && status != RegistrationStatus.SUBMITTED) {
            return 0;
        }
        try {
            return reviews.count(caller(), filter().withStatus(RegistrationStatus.SUBMITTED));
        } catch (BusinessException e) {
            return 0;
        }
    }

    public void export() throws IOException {
        try {
            byte[] xlsx = reviews.export(caller(), filter(), Arrays.asList(
                    bundle.getMessage("admin.review.column.number"), bundle.getMessage("admin.review.column.name"),
                    bundle.getMessage("admin.review.column.idNumber"), bundle.getMessage("admin.review.column.batch"),
                    bundle.getMessage("admin.review.column.site"), bundle.getMessage("admin.review.column.positions"),
                    bundle.getMessage("admin.review.column.status"), bundle.getMessage("admin.review.column.submittedAt"),
                    bundle.getMessage("admin.review.column.paid"), bundle.getMessage("admin.review.column.receipt"),
                    bundle.getMessage("admin.review.column.reason")));
            Faces.sendFile(xlsx, "registrations.xlsx", true);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public String masked(Registration r) {
        return IdNumber.mask(r.getCandidate().getIdNumber());
    }

    public boolean isSiteAdmin() {
        return security.isCallerInRole(Roles.SITE_ADMIN);
    }

    ReviewFilter filter() {
        return new ReviewFilter(batchId, siteId, positionId, status, text);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public RegistrationStatus[] getStatuses() {
        return Arrays.stream(RegistrationStatus.values()).filter(s -> s != RegistrationStatus.DRAFT)
                .toArray(RegistrationStatus[]::new);
    }

    public LazyDataModel<Registration> getRegistrations() { return registrations; }
    public List<ExamBatch> getBatches() { return batches; }
    public List<ExamSite> getSites() { return sites; }
    public List<Position> getPositions() { return positions; }
    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public Long getPositionId() { return positionId; }
    public void setPositionId(Long positionId) { this.positionId = positionId; }
    public RegistrationStatus getStatus() { return status; }
    public void setStatus(RegistrationStatus status) { this.status = status; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }

    private final class ReviewPage extends LazyDataModel<Registration> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, reviews.count(caller(), filter()));
            } catch (BusinessException e) {
                return 0;
            }
        }

        @Override
        public List<Registration> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, ReviewService.MAX_PAGE_SIZE));
            try {
                return reviews.search(caller(), filter(), Math.max(0, first), size);
            } catch (BusinessException e) {
                Messages.addGlobalError(e.getMessageKey(), e.getArguments());
                return List.of();
            }
        }

        @Override
        public String getRowKey(Registration r) {
            return String.valueOf(r.getId());
        }

        @Override
        public Registration getRowData(String rowKey) {
            return getWrappedData().stream().filter(r -> String.valueOf(r.getId()).equals(rowKey))
                    .findFirst().orElse(null);
        }
    }
}
