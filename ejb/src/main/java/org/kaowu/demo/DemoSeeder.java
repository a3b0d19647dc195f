package org.kaowu.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.exam.BatchSchedule;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.service.StaffService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Seeds the demo: staff logins, sites, positions and two batches (one open for registration now, one whose
 * exam is 3 days away). Idempotent: each item is looked up by its code first. Goes through the services so
 * the demo obeys the same rules as real data.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    /** Printed by the run command; the demo has no secrets. */
    public static final String DEMO_PASSWORD = "Demo@2026";
    public static final String PROVINCE_ADMIN = "admin";
    /** The well-known valid sample ID number (GB 11643's own example), ending in X. */
    public static final String DEMO_CANDIDATE = "11010519491231002X";

    @Inject
    @ConfigProperty(name = "kaowu.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    private Clock clock;

    @EJB
    private ExamService exams;
    @EJB
    private StaffService staff;
    @EJB
    private AccountService accounts;
    @EJB
    private ProfileService profiles;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!demo) {
            return;
        }
        ExamSite hangzhou = site("HZ01", "杭州市第一考点（杭州职业技术学院）", "杭州市西湖区文三路 100 号");
        ExamSite ningbo = site("NB01", "宁波市考点（宁波工程学院）", "宁波市鄞州区钱湖南路 88 号");
        Position clerk = position("A01", "综合管理类（一级）", "120.00", "60");
        Position accountant = position("B02", "财务会计类（二级）", "150.00", "60");

        LocalDate today = LocalDate.now(clock);
        // open now: registration ran from a week ago and closes in three weeks
        batch("2026A", "2026 年下半年专业技术资格考试", new BatchSchedule(
                at(today.minusDays(7), 9), at(today.plusDays(21), 17), at(today.plusDays(28), 17),
                at(today.plusDays(30), 17), at(today.plusDays(45), 9), at(today.plusDays(45), 17)),
                new ExamSite[] {hangzhou, ningbo}, new int[] {200, 100}, clerk, accountant);
        // exam in 3 days: the ticket window is open
        batch("2026T", "2026 年第四季度职业资格考试", new BatchSchedule(
                at(today.minusDays(40), 9), at(today.minusDays(20), 17), at(today.minusDays(15), 17),
                at(today.minusDays(12), 17), at(today.plusDays(3), 9), at(today.plusDays(3), 17)),
                new ExamSite[] {hangzhou}, new int[] {100}, clerk);

        candidate(DEMO_CANDIDATE, "张晓明", "13800138000");

        staffAccount(PROVINCE_ADMIN, "省中心管理员", StaffRole.PROVINCE_ADMIN, null);
        staffAccount("hz01", "杭州考点管理员", StaffRole.SITE_ADMIN, hangzhou.getId());
        staffAccount("operator", "操作员", StaffRole.OPERATOR, null);
        LOG.info("[kaowu-demo] demo data ready");
    }

    /** A candidate with a complete profile (text, photo, scans), ready for 点击报名. */
    private void candidate(String idNumber, String name, String mobile) {
        if (!accounts.exists(idNumber)) {
            accounts.register(idNumber, DEMO_PASSWORD.toCharArray(), DEMO_PASSWORD.toCharArray(), "demo-seed");
            profiles.save(idNumber, new ProfileData(name, "汉族", "共青团员", "大学本科", "会计学", "浙江财经大学",
                    LocalDate.of(2018, 6, 30), "杭州市某会计师事务所", mobile, "demo@kaowu.local",
                    "杭州市西湖区文三路 100 号", "310012"), Map.of(
                    ImageKind.PHOTO, DemoImages.photo(),
                    ImageKind.ID_CARD_SCAN, DemoImages.scan("身份证（正反面）"),
                    ImageKind.DIPLOMA_SCAN, DemoImages.scan("学历证书")));
        }
        LOG.info(() -> "[kaowu-demo] login CANDIDATE: " + idNumber + " / " + DEMO_PASSWORD);
    }

    private ExamSite site(String code, String name, String address) {
        return exams.findSiteByCode(code).orElseGet(() -> exams.createSite(new ExamSite(code, name, address)));
    }

    private Position position(String code, String name, String fee, String passLine) {
        return exams.findPositionByCode(code).orElseGet(() -> exams.createPosition(
                new Position(code, name, new BigDecimal(fee), new BigDecimal(passLine))));
    }

    private void batch(String code, String name, BatchSchedule schedule, ExamSite[] sites, int[] seats,
                       Position... positions) {
        if (exams.findBatchByCode(code).isPresent()) {
            return;
        }
        ExamBatch batch = exams.createBatch(new ExamBatch(code, name, schedule));
        for (int i = 0; i < sites.length; i++) {
            exams.addSite(batch.getId(), sites[i].getId(), seats[i]);
        }
        for (Position position : positions) {
            exams.addPosition(batch.getId(), position.getId());
        }
        exams.open(batch.getId());
    }

    private void staffAccount(String username, String displayName, StaffRole role, Long siteId) {
        if (staff.findByUsername(username).isEmpty()) {
            staff.create(username, displayName, DEMO_PASSWORD.toCharArray(), role, siteId);
        }
        LOG.info(() -> "[kaowu-demo] login " + role + ": " + username + " / " + DEMO_PASSWORD);
    }

    private static LocalDateTime at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0));
    }
}
