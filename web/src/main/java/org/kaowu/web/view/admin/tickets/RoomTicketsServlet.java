package org.kaowu.web.view.admin.tickets;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.TicketService;

import java.io.IOException;

/**
 * {@code /admin/room-tickets?batch=B&room=R} — a room's 考场签到表 followed by all its tickets, one PDF.
 * Province and site admins (web.xml); a site admin asking for another site's room, a forged id or an empty
 * room gets a plain 404 and no data (the service logs the refusal).
 */
@WebServlet("/admin/room-tickets")
public class RoomTicketsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TicketService tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long batchId;
        Long roomId;
        try {
            batchId = Long.valueOf(request.getParameter("batch"));
            roomId = Long.valueOf(request.getParameter("room"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            pdf = tickets.roomPdf(request.getUserPrincipal().getName(), batchId, roomId);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBException e) {
            getServletContext().log("room tickets " + batchId + "/" + roomId + " could not be rendered", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"room-" + roomId + "-batch-" + batchId + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
