package org.kaowu.it.bench;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.it.Fixtures;
import org.kaowu.it.TestData;
import org.kaowu.it.TicketFixtures;
import org.kaowu.pdf.AdmissionTicketPdf;
import org.kaowu.service.AccountService;
import org.kaowu.service.ExamService;
import org.kaowu.service.ProfileService;
import org.kaowu.service.RegistrationService;
import org.kaowu.service.ReviewService;
import org.kaowu.service.RoomService;
import org.kaowu.service.StaffService;
import org.kaowu.service.TicketAllocationRunner;
import org.kaowu.service.TicketService;
import org.kaowu.service.TicketView;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only (added to the benchmark's deployment, never to the application): sets up what
 * {@link TicketBenchmark} measures and measures what only the server can: the raw AdmissionTicketPdf rate of
 * the very ticket the download path serves, and the allocation of 100,000 approved registrations inserted in
 * bulk by plain JDBC (negative ids, so they never meet the sequences). Answers plain text.
 */
@WebServlet("/bench/tickets")
public class TicketBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB AccountService accounts;
    @EJB ProfileService profiles;
    @EJB ExamService exams;
    @EJB RegistrationService registrations;
    @EJB ReviewService reviews;
    @EJB RoomService rooms;
    @EJB StaffService staff;
    @EJB TicketService tickets;
    @EJB TicketAllocationRunner runner;
    @Inject AdmissionTicketPdf pdf;
    @Resource(lookup = "jdbc/kaowu")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            String answer = switch (request.getParameter("step")) {
                case "setup" -> setup();
                case "raw" -> raw(request.getParameter("id"), Long.valueOf(request.getParameter("ticket")),
                        Integer.parseInt(request.getParameter("threads")), Integer.parseInt(request.getParameter("seconds")));
                case "allocate" -> allocate(Integer.parseInt(request.getParameter("n")),
                        Integer.parseInt(request.getParameter("sites")));
                default -> throw new IllegalArgumentException("step?");
            };
            response.getWriter().print(answer);
        } catch (Exception e) {
            response.setStatus(500);
            e.printStackTrace(response.getWriter());
        }
    }

    private TicketFixtures.Services services() {
        return new TicketFixtures.Services(accounts, profiles, exams, registrations, reviews, rooms, staff);
    }

    /** A candidate with a published ticket in an open window: "idNumber ticketId". */
    private String setup() {
        TicketFixtures.Services s = services();
        ExamBatch batch = Fixtures.openBatch(exams, 5);
        TicketFixtures.Submitted c = TicketFixtures.approved(s, batch);
        TicketFixtures.room(s, batch, 1, 30);
        runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        TicketFixtures.openPrintWindow(s, batch);
        return c.idNumber() + " " + tickets.mine(c.idNumber()).get(0).ticketId();
    }

    /** Tickets per second rendering the same ticket directly, on {@code threads} threads. */
    private String raw(String idNumber, Long ticketId, int threads, int seconds) throws Exception {
        TicketView view = tickets.ticket(idNumber, ticketId);
        AdmissionTicketPdf.Ticket ticket = view.toPdf();
        for (int i = 0; i < 20; i++) {
            pdf.render(ticket);
        }
        long bytes = pdf.render(ticket).length;
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    pdf.render(ticket);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        return String.format("%.2f %d", rate, bytes);
    }

    /**
     * {@code n} approved registrations over {@code sites} new sites of a new batch, 100-seat rooms enough for
     * all; then the allocation, the completeness check and the publication timed. "insertMs allocateMs checkMs
     * publishMs placed".
     */
    private String allocate(int n, int sites) throws Exception {
        ExamBatch batch = Fixtures.openBatch(exams, 10);
        String code = batch.getCode();
        List<BatchSite> batchSites = new ArrayList<>(exams.sitesOf(batch.getId()));
        for (int i = 1; i < sites; i++) {
            ExamSite site = exams.createSite(new ExamSite("B" + TestData.code(6), "压测考点 " + i, "压测路 " + i + " 号"));
            exams.addSite(batch.getId(), site.getId(), n);
        }
        batchSites = exams.sitesOf(batch.getId());
        int perSite = (n + sites - 1) / sites;
        for (BatchSite bs : batchSites) {
            rooms.addRooms(TicketFixtures.ADMIN, bs.getSite().getId(), (perSite + 99) / 100, 100);
        }
        tickets.saveRule(TicketFixtures.ADMIN, batch.getId(), "{yy}{batch}{site}{room:3}{seat:3}");

        long base = -(1L + Math.abs(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 900_000))) * 1_000_000L;
        long t0 = System.nanoTime();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try (Connection c = dataSource.getConnection();
             PreparedStatement candidate = c.prepareStatement("INSERT INTO candidate (id, id_number, password_hash,"
                     + " failed_logins, created_at, name, version) VALUES (?, ?, 'x', 0, ?, ?, 0)");
             PreparedStatement registration = c.prepareStatement("INSERT INTO registration (id, registration_no,"
                     + " candidate_id, batch_id, batch_site_id, status, seat_held, created_at, updated_at, submitted_at,"
                     + " snap_name, reviewed_by, reviewed_at, paid_amount, receipt_no, paid_by, paid_at, version)"
                     + " VALUES (?, ?, ?, ?, ?, 'APPROVED', TRUE, ?, ?, ?, ?, 'bench', ?, 100.00, ?, 'bench', ?, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                long id = base - i;
                String idNumber = code.substring(0, 7) + String.format("%010d", i) + "B";
                candidate.setLong(1, id);
                candidate.setString(2, idNumber);
                candidate.setTimestamp(3, now);
                candidate.setString(4, "压测考生" + i);
                candidate.addBatch();
                registration.setLong(1, id);
                registration.setString(2, "B" + code + String.format("%08d", i));
                registration.setLong(3, id);
                registration.setLong(4, batch.getId());
                registration.setLong(5, batchSites.get(i % sites).getId());
                for (int p : new int[] {6, 7, 8, 10, 12}) {
                    registration.setTimestamp(p, now);
                }
                registration.setString(9, "压测考生" + i);
                registration.setString(11, "BR" + code + i);
                registration.addBatch();
                if ((i + 1) % 5_000 == 0 || i == n - 1) {
                    candidate.executeBatch();
                    registration.executeBatch();
                    c.commit();
                }
            }
        }
        long insertMs = (System.nanoTime() - t0) / 1_000_000;

        long t1 = System.nanoTime();
        List<TicketService.SiteAllocation> done = runner.allocate(TicketFixtures.ADMIN, batch.getId(), false);
        long allocateMs = (System.nanoTime() - t1) / 1_000_000;
        int placed = done.stream().mapToInt(TicketService.SiteAllocation::placed).sum();

        long t2 = System.nanoTime();
        boolean complete = tickets.completeness(TicketFixtures.ADMIN, batch.getId()).isComplete();
        long checkMs = (System.nanoTime() - t2) / 1_000_000;
        long t3 = System.nanoTime();
        tickets.publish(TicketFixtures.ADMIN, batch.getId());
        long publishMs = (System.nanoTime() - t3) / 1_000_000;
        return insertMs + " " + allocateMs + " " + checkMs + " " + publishMs + " " + placed + " " + complete;
    }
}
