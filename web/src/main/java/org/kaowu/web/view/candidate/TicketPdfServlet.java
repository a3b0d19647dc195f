package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.service.TicketService;

import java.io.IOException;

/**
 * {@code /candidate/ticket-pdf?id=N} — 保存报表: the caller's own admission ticket as a PDF download. Outside the
 * print window or before publication it goes back to {@code /candidate/tickets}, which says when printing opens.
 */
@WebServlet("/candidate/ticket-pdf")
public class TicketPdfServlet extends OwnPdfServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TicketService tickets;

    @Override
    protected byte[] pdf(HttpServletRequest request, String caller, Long id) {
        return tickets.ticketPdf(caller, id);
    }

    @Override
    protected String disposition(Long id) {
        return "attachment; filename=\"admission-ticket-" + id + ".pdf\"";
    }

    @Override
    protected void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/candidate/tickets");
    }
}
