package org.kaowu.web.view.admin.messages;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.notification.MessageStatus;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.domain.notification.Recipients;
import org.kaowu.service.NotificationService;
import org.omnifaces.util.Components;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/messages} — 短信/邮件记录: every SMS and e-mail in the outbox, newest first, page by page from
 * the database. The filters live in this bean rather than in the table's column filters, because a reflowed
 * table hides its header (and the column filters with it) on a phone.
 */
@Named
@ViewScoped
public class MessagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String TABLE = "messagesForm:messageTable";

    @EJB
    private NotificationService notifications;
    @jakarta.inject.Inject
    private jakarta.security.enterprise.SecurityContext security;
    @jakarta.inject.Inject
    private org.kaowu.web.BundleMessageResolver bundle;

    private Channel channel;
    private MessageStatus status;
    private String recipient;

    private final LazyDataModel<OutboxMessage> messages = new OutboxPage();

    /** Applies the filters from the first page on: the old page number means nothing for a new result. */
    public void search() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void clear() {
        channel = null;
        status = null;
        recipient = null;
        search();
    }

    /**
     * What the recipient column shows: mobile numbers masked (138****1234), e-mail addresses as they are. The
     * body is shown in full on purpose: in the demo, staff read SMS codes on this page.
     */
    public String recipientOf(OutboxMessage message) {
        return message.getChannel() == Channel.SMS ? Recipients.maskMobile(message.getRecipient())
                : message.getRecipient();
    }

    /** The filtered list as xlsx (the service logs the export). */
    public void export() throws java.io.IOException {
        try {
            java.util.List<String> headers = new java.util.ArrayList<>();
            for (String column : new String[] {"time", "channel", "recipient", "subject", "body", "status", "attempts"}) {
                headers.add(bundle.getMessage("admin.messages.column." + column));
            }
            headers.add(bundle.getMessage("admin.messages.sentAt"));
            headers.add(bundle.getMessage("admin.messages.column.lastError"));
            byte[] xlsx = notifications.export(security.getCallerPrincipal().getName(), channel, status, recipient,
                    headers);
            org.omnifaces.util.Faces.sendFile(xlsx, "messages.xlsx", true);
        } catch (org.kaowu.exception.BusinessException e) {
            org.omnifaces.util.Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public Channel[] getChannels() {
        return Channel.values();
    }

    public MessageStatus[] getStatuses() {
        return MessageStatus.values();
    }

    public LazyDataModel<OutboxMessage> getMessages() { return messages; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public MessageStatus getStatus() { return status; }
    public void setStatus(MessageStatus status) { this.status = status; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }

    /** One page of the outbox under the current filters; the table's own sort and filter state is not used. */
    private final class OutboxPage extends LazyDataModel<OutboxMessage> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, notifications.count(channel, status, recipient));
        }

        @Override
        public List<OutboxMessage> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, NotificationService.MAX_PAGE_SIZE));
            return notifications.search(channel, status, recipient, Math.max(0, first), size);
        }

        @Override
        public String getRowKey(OutboxMessage message) {
            return String.valueOf(message.getId());
        }

        @Override
        public OutboxMessage getRowData(String rowKey) {
            return getWrappedData().stream().filter(m -> String.valueOf(m.getId()).equals(rowKey))
                    .findFirst().orElse(null);
        }
    }
}
