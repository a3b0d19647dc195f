package org.kaowu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.service.ExamService;
import org.kaowu.service.RoomService;
import org.kaowu.service.ScoreService;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Test-only (added to {@link ScoreImportKillIT}'s deployment): what the client-side kill test needs the server to
 * do — a dataset and a started import, the run's figures, 继续导入 as the admin page does it, and the row counts.
 * Plain text answers, space separated.
 */
@WebServlet("/it/score-kill")
public class ScoreKillServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ADMIN = TicketFixtures.ADMIN;

    @EJB ExamService exams;
    @EJB RoomService rooms;
    @EJB ScoreService scores;
    @Resource(lookup = "jdbc/kaowu")
    DataSource ds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        String step = request.getParameter("step");
        Long id = request.getParameter("id") == null ? null : Long.valueOf(request.getParameter("id"));
        String answer = switch (step) {
            case "start" -> start(Integer.parseInt(request.getParameter("people")));
            case "run" -> {
                ScoreService.Run run = scores.run(ADMIN, id);
                yield run.state() + " " + run.data().getLinesRead() + " " + run.data().getLastLine() + " "
                        + run.data().getInserted() + " " + run.data().getUpdated() + " " + run.data().getUnchanged() + " "
                        + run.data().getRejected() + " " + run.data().getExecutionId();
            }
            case "restart" -> String.valueOf(scores.restart(ADMIN, id));
            case "counts" -> {
                long batch = Long.parseLong(request.getParameter("batch"));
                yield ScoreDataset.count(ds, "SELECT COUNT(*) FROM score WHERE batch_id = ?", batch) + " "
                        + ScoreDataset.count(ds, "SELECT COUNT(*) FROM (SELECT DISTINCT ticket_id, position_id FROM score"
                        + " WHERE batch_id = ?) x", batch) + " "
                        + ScoreDataset.count(ds, "SELECT COUNT(*) FROM score_rejection WHERE import_id = ?", id) + " "
                        + ScoreDataset.count(ds, "SELECT COUNT(*) FROM (SELECT DISTINCT line_no FROM score_rejection"
                        + " WHERE import_id = ?) x", id);
            }
            default -> throw new IllegalArgumentException("step?");
        };
        response.getWriter().write(answer);
    }

    /** N candidates, a file of two lines each plus a duplicate (rejected) for every 97th; started. */
    private String start(int people) {
        ScoreDataset.Data d = ScoreDataset.create(exams, rooms, ds, people);
        StringBuilder csv = new StringBuilder(ScoreDataset.HEADER).append("\r\n");
        int bad = 0;
        for (int i = 0; i < people; i++) {
            ScoreDataset.Person p = d.people().get(i);
            csv.append(d.line(p, d.first(), String.valueOf(40 + i % 61), "正常")).append("\r\n");
            csv.append(d.line(p, d.second(), (i % 50) + ".5", "正常")).append("\r\n");
            if (i % 97 == 0) {
                csv.append(d.line(p, d.first(), "99", "正常")).append("\r\n");
                bad++;
            }
        }
        Long importId = scores.upload(ADMIN, d.batch().getId(), "kill.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).getId();
        scores.start(ADMIN, importId);
        return importId + " " + d.batch().getId() + " " + (2 * people + bad) + " " + 2 * people + " " + bad;
    }
}
