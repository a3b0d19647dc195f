package org.kaowu.service;

import org.kaowu.pdf.AdmissionTicketPdf;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One admission ticket as printed, in the words of the paper (Chinese): what the print-friendly page shows
 * and the PDF holds. Built by {@link TicketService} only after it has checked who may see it.
 */
public record TicketView(Long ticketId, String ticketNo, String batchName, String name, String idNumber, byte[] photo,
                         List<String> positions, String siteName, String siteAddress, String room, String seat,
                         String examDate, List<String> sessions, List<String> rules, LocalDateTime printStart,
                         LocalDateTime printEnd) implements Serializable {

    public TicketView {
        positions = List.copyOf(positions);
        sessions = List.copyOf(sessions);
        rules = List.copyOf(rules);
    }

    public AdmissionTicketPdf.Ticket toPdf() {
        return new AdmissionTicketPdf.Ticket(ticketNo, batchName, name, idNumber, photo, positions, siteName,
                siteAddress, room, seat, examDate, sessions, rules);
    }
}
