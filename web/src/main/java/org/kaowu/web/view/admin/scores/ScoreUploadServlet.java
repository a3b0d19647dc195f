package org.kaowu.web.view.admin.scores;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.kaowu.domain.score.ScoreImport;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ScoreService;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /admin/score-upload} (multipart: {@code batch}, {@code file}) — stores a score file and goes back to
 * {@code /admin/scores}. A servlet of its own rather than p:fileUpload through the Faces servlet: score files may
 * be hundreds of MB, far above the 20 MB every other upload is held to, and an oversized request must come back
 * as a message on the page, never as a failed request. The part streams to disk (nothing over 1 MB in memory);
 * a request over the limit is refused before it is read. Province admins and operators (web.xml).
 */
@WebServlet("/admin/score-upload")
@MultipartConfig(maxFileSize = ScoreService.MAX_FILE_BYTES, maxRequestSize = ScoreService.MAX_FILE_BYTES + 1024 * 1024,
        fileSizeThreshold = 1024 * 1024)
public class ScoreUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ScoreService scores;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String batch = request.getParameter("batch") == null ? "" : request.getParameter("batch");
        Long batchId;
        try {
            batchId = Long.valueOf(batch);
        } catch (NumberFormatException e) {
            back(request, response, null, null, "score.upload.noBatch");
            return;
        }
        if (request.getContentLengthLong() > ScoreService.MAX_FILE_BYTES + 1024 * 1024) {
            back(request, response, batchId, null, "score.upload.tooLarge");
            return;
        }
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException | IOException | jakarta.servlet.ServletException e) {
            // over the size limit, or a broken multipart body
            back(request, response, batchId, null, "score.upload.tooLarge");
            return;
        }
        if (part == null || part.getSize() == 0) {
            back(request, response, batchId, null, "score.upload.noFile");
            return;
        }
        try (InputStream in = part.getInputStream()) {
            ScoreImport run = scores.upload(request.getUserPrincipal().getName(), batchId, part.getSubmittedFileName(), in);
            back(request, response, batchId, run.getId(), null);
        } catch (BusinessException e) {
            back(request, response, batchId, null, e.getMessageKey().startsWith("score.") ? e.getMessageKey() : "score.upload.failed");
        } catch (EJBException e) {
            getServletContext().log("score upload failed", e);
            back(request, response, batchId, null, "score.upload.failed");
        } finally {
            part.delete();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/admin/scores");
    }

    private static void back(HttpServletRequest request, HttpServletResponse response, Long batchId, Long uploaded,
                             String error) throws IOException {
        StringBuilder url = new StringBuilder(request.getContextPath()).append("/admin/scores?");
        if (batchId != null) {
            url.append("batch=").append(batchId).append('&');
        }
        if (uploaded != null) {
            url.append("uploaded=").append(uploaded).append('&');
        }
        if (error != null) {
            url.append("error=").append(error);
        }
        response.sendRedirect(url.toString());
    }
}
