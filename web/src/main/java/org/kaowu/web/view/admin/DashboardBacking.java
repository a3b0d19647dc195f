package org.kaowu.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.web.BundleMessageResolver;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.exception.BusinessException;
import org.kaowu.export.XlsxTable;
import org.kaowu.service.DashboardService;
import org.kaowu.service.DashboardService.Dashboard;
import org.kaowu.service.DashboardService.SiteLine;
import org.kaowu.service.ExamService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/} — 首页: one batch's registrations by status, by site (seats left) and by position, with a
 * chart. Counts only; a site admin's figures are the own site's (the service decides).
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The statuses the dashboard shows, in the order a registration passes through them. */
    private static final RegistrationStatus[] SHOWN = {RegistrationStatus.SUBMITTED, RegistrationStatus.REVIEWED,
            RegistrationStatus.APPROVED, RegistrationStatus.REJECTED, RegistrationStatus.WITHDRAWN,
            RegistrationStatus.DRAFT};

    @EJB
    private DashboardService dashboards;
    @EJB
    private ExamService exams;
    @Inject
    private SecurityContext security;
    @Inject
    private BundleMessageResolver bundle;

    private List<ExamBatch> batches = List.of();
    private Long batchId;
    private Dashboard dashboard;

    @PostConstruct
    void init() {
        try {
            batches = exams.allBatches(caller());
            if (!batches.isEmpty()) {
                batchId = batches.stream().filter(b -> b.getStatus() == org.kaowu.domain.exam.BatchStatus.OPEN)
                        .findFirst().orElse(batches.get(0)).getId();
                refresh();
            }
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void refresh() {
        try {
            dashboard = batchId == null ? null : dashboards.summary(caller(), batchId);
        } catch (BusinessException e) {
            dashboard = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** Chart.js configuration: one stacked bar per site, one colour per status. */
    public String getChart() {
        if (dashboard == null) {
            return "{}";
        }
        String[] colours = {"#f59e0b", "#3b82f6", "#16a34a", "#dc2626", "#9ca3af", "#d1d5db"};
        JsonArrayBuilder labels = Json.createArrayBuilder();
        dashboard.sites().forEach(s -> labels.add(s.name()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < SHOWN.length; i++) {
            RegistrationStatus status = SHOWN[i];
            JsonArrayBuilder data = Json.createArrayBuilder();
            dashboard.sites().forEach(s -> data.add(s.counts().get(status)));
            datasets.add(Json.createObjectBuilder().add("label", bundle.getMessage("registration.status." + status))
                    .add("backgroundColor", colours[i]).add("data", data));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true))))
                .build().toString();
    }

    /** The site table as xlsx (counts only, no personal data). */
    public void export() throws IOException {
        if (dashboard == null) {
            return;
        }
        List<String> headers = new ArrayList<>(List.of(bundle.getMessage("admin.dashboard.site"),
                bundle.getMessage("admin.batch.seats"), bundle.getMessage("admin.batch.seatsTaken"),
                bundle.getMessage("admin.batch.seatsLeft")));
        for (RegistrationStatus s : SHOWN) {
            headers.add(bundle.getMessage("registration.status." + s));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SiteLine line : dashboard.sites()) {
            List<Object> row = new ArrayList<>(List.of(line.code() + " " + line.name(), line.seats(), line.seatsTaken(),
                    line.getSeatsLeft()));
            for (RegistrationStatus s : SHOWN) {
                row.add(line.counts().get(s));
            }
            rows.add(row);
        }
        Faces.sendFile(XlsxTable.write(dashboard.batchName(), headers, rows), "dashboard.xlsx", true);
    }

    public RegistrationStatus[] getShown() {
        return SHOWN;
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<ExamBatch> getBatches() { return batches; }
    public Long getBatchId() { return batchId; }
    public void setBatchId(Long batchId) { this.batchId = batchId; }
    public Dashboard getDashboard() { return dashboard; }
}
