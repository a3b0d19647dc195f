package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.exception.BusinessException;
import org.kaowu.pdf.QrSvg;
import org.kaowu.service.TicketService;
import org.kaowu.service.TicketView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.util.Base64;

/**
 * {@code /candidate/ticket-print?id=N} — 打印报表: the ticket as a print-friendly page (A4, no menus), the
 * same facts as the PDF. Anybody else's ticket, or one outside the print window, goes back to the list with
 * the reason.
 */
@Named("candidateTicketPrintBacking")
@RequestScoped
public class TicketPrintBacking {

    @EJB
    private TicketService tickets;
    @Inject
    private SecurityContext security;

    private Long id;
    private TicketView ticket;

    /** f:viewAction */
    public void load() {
        try {
            if (id == null) {
                throw new BusinessException("ticket.notFound");
            }
            ticket = tickets.ticket(security.getCallerPrincipal().getName(), id);
        } catch (BusinessException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
            Faces.redirect(Faces.getRequestContextPath() + "/candidate/tickets");
        }
    }

    /** The photo taken at submission, inline (the page needs no second request that could outlive the check). */
    public String getPhoto() {
        return ticket == null || ticket.photo() == null ? null
                : "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(ticket.photo());
    }

    public String getQrCode() {
        return ticket == null ? "" : QrSvg.of(ticket.ticketNo());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public TicketView getTicket() { return ticket; }
}
