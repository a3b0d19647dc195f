package org.kaowu.service;

import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.notification.Recipients;
import org.kaowu.export.XlsxTable;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.notification.MessageStatus;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.domain.notification.OutboxMessageRepository;
import org.kaowu.notify.OutboxDelivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SMS and e-mail (短信/邮件), always through the transactional outbox.
 * <p>
 * {@link #sms} and {@link #email} only write a PENDING row, due now; they never talk to a gateway. Call them
 * from inside the business transaction that causes the message (e.g. {@code AccountService} issuing a reset
 * code): the row then commits or rolls back together with the change, so no code is sent for a change that
 * did not happen, and none is lost for one that did. They are REQUIRED rather than MANDATORY only so that a
 * standalone call still works (it then gets a transaction of its own). A malformed recipient throws a
 * {@code BusinessException}, which rolls the caller's whole transaction back.
 * <p>
 * Delivery happens afterwards, message by message, in {@link #deliverDue} (run by the dispatcher).
 */
@Stateless
public class NotificationService {

    /** Largest page the admin list may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @Inject
    private OutboxMessageRepository outbox;
    @EJB
    private OutboxDelivery delivery;
    @Inject
    private Clock clock;
    @Inject
    private StaffGuard guard;
    @jakarta.ejb.EJB
    private AuditService audit;

    /**
     * Queues an SMS to a mainland mobile number ({@code 1[3-9]} and 9 more digits).
     *
     * @throws org.kaowu.exception.BusinessException {@code notification.mobileInvalid}
     */
    public void sms(String mobile, @NotBlank @Size(max = OutboxMessage.BODY_LENGTH) String text) {
        outbox.persist(OutboxMessage.sms(mobile, text, now()));
    }

    /**
     * Queues a plain-text e-mail.
     *
     * @throws org.kaowu.exception.BusinessException {@code notification.emailInvalid}
     */
    public void email(String address, @NotBlank @Size(max = OutboxMessage.SUBJECT_LENGTH) String subject,
                      @NotBlank @Size(max = OutboxMessage.BODY_LENGTH) String body) {
        outbox.persist(OutboxMessage.email(address, subject, body, now()));
    }

    /**
     * Queues many messages at once (built with {@link OutboxMessage#sms} / {@link OutboxMessage#email}, which check
     * the recipients), in one JDBC batch: for bulk jobs' chunks, where a persist per message costs more than the
     * database's work. Same outbox, same transaction rule as {@link #sms}.
     */
    public void queueAll(@NotNull List<OutboxMessage> messages) {
        outbox.insertAll(messages);
    }

    /** The admin list: newest first; null filters match everything, {@code recipient} matches any part. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OutboxMessage> search(Channel channel, MessageStatus status, String recipient,
                                      @Min(0) int first, @Min(1) @Max(MAX_PAGE_SIZE) int max) {
        return outbox.search(channel, status, recipient, first, max);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(Channel channel, MessageStatus status, String recipient) {
        return outbox.count(channel, status, recipient);
    }

    /**
     * 短信/邮件记录 as xlsx under the same filters (at most {@link AuditService#MAX_EXPORT_ROWS} rows), mobile
     * numbers masked as on the page; the export is logged, since it holds personal data.
     */
    public byte[] export(@NotNull String username, Channel channel, MessageStatus status, String recipient,
                         @NotNull List<String> headers) {
        guard.require(username, "messages.export", StaffRole.PROVINCE_ADMIN, StaffRole.OPERATOR);
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (OutboxMessage m : outbox.search(channel, status, recipient, 0, AuditService.MAX_EXPORT_ROWS)) {
            rows.add(java.util.Arrays.asList(m.getCreatedAt(), m.getChannel().name(),
                    m.getChannel() == Channel.SMS ? Recipients.maskMobile(m.getRecipient()) : m.getRecipient(),
                    m.getSubject(), m.getBody(), m.getStatus().name(), m.getAttempts(), m.getSentAt(), m.getLastError()));
        }
        audit.record(username, AuditAction.EXPORT, "outbox", null, "短信/邮件记录 " + rows.size() + " 行", null,
                "channel=" + channel + ", status=" + status + ", recipient=" + recipient);
        return XlsxTable.write("短信邮件记录", headers, rows);
    }

    /**
     * Delivers up to {@code limit} due messages, oldest due first, each in its own transaction (see
     * {@link OutboxDelivery}). Runs outside any transaction itself, so that nothing here can hold the
     * outcomes back or roll them back.
     *
     * @return how many messages were handled (sent, or a failed attempt recorded); fewer than {@code limit}
     *         means the outbox has nothing more due right now
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int deliverDue(@Min(1) @Max(MAX_PAGE_SIZE) int limit) {
        List<OutboxMessage> due = outbox.findDue(now(), limit);
        int handled = 0;
        for (OutboxMessage message : due) {
            try {
                Optional<MessageStatus> outcome = delivery.deliver(message.getId());
                if (outcome.isPresent()) {
                    handled++;
                }
            } catch (RuntimeException e) {
                // the message's own transaction rolled back (database trouble, lock timeout): it stays due and
                // is tried on a later round; the others go ahead
                LOG.log(Level.WARNING, "Outbox message " + message.getId() + " could not be processed", e);
            }
        }
        return handled;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
