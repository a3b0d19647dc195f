package org.kaowu.it;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.certificate.CertificateNumberRule;
import org.kaowu.domain.certificate.VerificationCode;
import org.kaowu.domain.exam.Position;
import org.kaowu.service.CertificateService;
import org.kaowu.service.ExamService;

import java.io.IOException;
import java.util.List;

/**
 * Test-only (added to {@link CertificateNumberingKillIT}'s deployment): what the client-side kill test needs the
 * server to do — a dataset and a started numbering run, the run's figures, 继续 as the admin page does it, and the
 * rows checked. Plain text answers, space separated.
 */
@WebServlet("/it/certificate-kill")
public class CertificateKillServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ADMIN = "admin";

    @EJB ExamService exams;
    @EJB CertificateService certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String step = request.getParameter("step");
        Long id = request.getParameter("id") == null ? null : Long.valueOf(request.getParameter("id"));
        String answer = switch (step) {
            case "start" -> {
                CertificateFixtures.Dataset d = CertificateFixtures.passers(exams,
                        Integer.parseInt(request.getParameter("candidates")), 0);
                certificates.publishPassList(ADMIN, d.batch().getId());
                yield certificates.start(ADMIN, d.batch().getId()) + " " + d.batch().getId() + " " + d.passers();
            }
            case "run" -> {
                CertificateService.Run run = certificates.run(ADMIN, id);
                yield run.state() + " " + run.data().getNumbered() + " " + run.data().getExecutionId();
            }
            case "restart" -> String.valueOf(certificates.restart(ADMIN, id));
            case "rows" -> rows(Long.parseLong(request.getParameter("batch")));
            default -> throw new IllegalArgumentException("step?");
        };
        response.getWriter().write(answer);
    }

    /**
     * [certificates, distinct numbers, distinct codes, "gap-free" or the first number out of place]: per position,
     * the numbers in ticket order must be exactly 1..n of the sequence, and every code well-formed.
     */
    private String rows(long batchId) {
        String where = " FROM certificate WHERE batch_id = " + batchId;
        String order = "gap-free";
        CertificateNumberRule rule = certificates.rule(batchId);
        int year = exams.batch(batchId).getSchedule().getExamStart().getYear();
        for (Position p : exams.batch(batchId).getPositions()) {
            List<String[]> rows = CertificateFixtures.certificates(p.getId());
            for (int i = 0; i < rows.size() && "gap-free".equals(order); i++) {
                if (!rule.format(year, p.getCode(), i + 1).equals(rows.get(i)[0]) || !VerificationCode.isWellFormed(rows.get(i)[1])) {
                    order = "position-" + p.getCode() + "-row-" + (i + 1) + "-has-" + rows.get(i)[0] + "/" + rows.get(i)[1];
                }
            }
        }
        return CertificateFixtures.count("SELECT COUNT(*)" + where) + " "
                + CertificateFixtures.count("SELECT COUNT(DISTINCT certificate_no)" + where) + " "
                + CertificateFixtures.count("SELECT COUNT(DISTINCT verification_code)" + where) + " " + order;
    }
}
