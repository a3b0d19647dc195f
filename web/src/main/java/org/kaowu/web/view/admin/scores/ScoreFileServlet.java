package org.kaowu.web.view.admin.scores;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.domain.score.RejectedLinesCsv;
import org.kaowu.domain.score.ScoreTemplate;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ScoreService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /admin/score-file?what=template} — 成绩导入模板; {@code ?what=rejected&import=N} — the run's rejected lines
 * (拒收行, CSV-injection safe, logged). Province admins and operators (web.xml); anything else is a plain 404.
 */
@WebServlet("/admin/score-file")
public class ScoreFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ScoreService scores;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getUserPrincipal().getName();
        try {
            if ("template".equals(request.getParameter("what"))) {
                send(response, ScoreTemplate.FILE_NAME, scores.template(user));
                return;
            }
            if ("rejected".equals(request.getParameter("what"))) {
                Long importId = Long.valueOf(request.getParameter("import"));
                // buffered so that a refusal can still be a 404 (the lines of one run are a few MB at most)
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String name = scores.writeRejected(user, importId, out);
                send(response, name, out.toByteArray());
                return;
            }
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (NumberFormatException | BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (EJBException e) {
            getServletContext().log("score file could not be written", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    private static void send(HttpServletResponse response, String fileName, byte[] body) throws IOException {
        response.setContentType(RejectedLinesCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"score.csv\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
