package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.registration.RegistrationRepository;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.exception.NotFoundException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 首页: registrations of one batch counted by status, by site (with seats left) and by position, in the
 * caller's scope (a site admin sees the own site only). Counts only, no personal data, so every staff role
 * may look.
 */
@Stateless
public class DashboardService {

    @Inject
    private ExamBatchRepository batches;
    @Inject
    private RegistrationRepository registrations;
    @Inject
    private StaffGuard guard;

    public Dashboard summary(@NotNull String username, @NotNull Long batchId) {
        StaffAccount staff = guard.require(username, "dashboard", StaffRole.values());
        Long scope = StaffGuard.siteScope(staff);
        ExamBatch batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));

        Counts total = new Counts();
        for (Object[] row : registrations.countByStatus(batchId, scope)) {
            total.add((RegistrationStatus) row[0], (Long) row[1]);
        }
        List<SiteLine> sites = new ArrayList<>();
        List<Object[]> bySite = registrations.countBySiteAndStatus(batchId, scope);
        for (BatchSite bs : batches.findSites(batch)) {
            if (scope != null && !scope.equals(bs.getSite().getId())) {
                continue;
            }
            Counts counts = new Counts();
            bySite.stream().filter(row -> bs.getId().equals(row[0]))
                    .forEach(row -> counts.add((RegistrationStatus) row[1], (Long) row[2]));
            sites.add(new SiteLine(bs.getSite().getCode(), bs.getSite().getName(), bs.getSeats(),
                    registrations.seatsTaken(bs.getId()), counts));
        }
        List<PositionLine> positions = new ArrayList<>();
        List<Object[]> byPosition = registrations.countByPositionAndStatus(batchId, scope);
        for (Position p : batch.getPositions()) {
            Counts counts = new Counts();
            byPosition.stream().filter(row -> p.getId().equals(row[0]))
                    .forEach(row -> counts.add((RegistrationStatus) row[1], (Long) row[2]));
            positions.add(new PositionLine(p.getCode(), p.getName(), counts));
        }
        return new Dashboard(batch.getId(), batch.getName(), total, sites, positions);
    }

    /** Registrations per status; statuses without any count as 0. */
    public static final class Counts implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);

        void add(RegistrationStatus status, long count) {
            byStatus.merge(status, count, Long::sum);
        }

        public long get(RegistrationStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        /** For EL: counts.of('SUBMITTED'). */
        public long of(String status) {
            return get(RegistrationStatus.valueOf(status));
        }

        /** Everything sent for review (drafts are not registrations yet). */
        public long submittedTotal() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() != RegistrationStatus.DRAFT)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    public record SiteLine(String code, String name, int seats, int seatsTaken, Counts counts) implements Serializable {
        public int getSeatsLeft() {
            return seats - seatsTaken;
        }
    }

    public record PositionLine(String code, String name, Counts counts) implements Serializable {
    }

    public record Dashboard(Long batchId, String batchName, Counts total, List<SiteLine> sites,
                            List<PositionLine> positions) implements Serializable {
    }
}
