package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.service.TicketService;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /candidate/tickets} — 个人中心 → 我的考试 → 准考证 → 准考证打印: one line per 报名成功 registration,
 * with 打印报表 and 保存报表 inside the print window, and when printing opens otherwise.
 */
@Named("candidateTicketsBacking")
@RequestScoped
public class TicketsBacking {

    @EJB
    private TicketService tickets;
    @Inject
    private SecurityContext security;

    private List<TicketService.MyTicket> mine;

    /** A date and time in a message argument (f:param takes no converter). */
    public String dateTime(LocalDateTime at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at);
    }

    public List<TicketService.MyTicket> getMine() {
        if (mine == null) {
            mine = tickets.mine(security.getCallerPrincipal().getName());
        }
        return mine;
    }
}
