package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;
import org.kaowu.service.TicketService;

import java.io.IOException;

/**
 * {@code /candidate/ticket-pdf?id=N} — 保存报表: the caller's own admission ticket as a PDF download (behind the
 * /candidate/* constraint). Another candidate's or an unknown id is a plain 404; outside the print window or
 * before publication it goes back to {@code /candidate/tickets}, which says when printing opens.
 */
@WebServlet("/candidate/ticket-pdf")
public class TicketPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TicketService tickets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id;
        try {
            id = Long.valueOf(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            pdf = tickets.ticketPdf(request.getUserPrincipal().getName(), id);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            response.sendRedirect(request.getContextPath() + "/candidate/tickets");
            return;
        } catch (EJBException e) {
            // e.g. the CJK font is missing on this server: the friendly error page, not a 500 with a trace
            getServletContext().log("admission ticket " + id + " could not be rendered", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"admission-ticket-" + id + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
