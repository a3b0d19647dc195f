package org.kaowu.notify;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.kaowu.domain.notification.MessageStatus;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.domain.notification.OutboxMessageRepository;
import org.kaowu.domain.notification.RetryPolicy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one outbox message in a transaction of its own (REQUIRES_NEW): its outcome commits right after the
 * hand-over, so one failure never rolls back another message's "sent", and a message once committed as sent
 * is never picked again. The row stays locked while the sender works; see
 * {@link OutboxMessageRepository#lock}.
 * <p>
 * The one gap no outbox closes: if the server dies after the gateway took a message but before the commit,
 * the message is sent again after the restart (at least once, never lost).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @Inject
    private OutboxMessageRepository outbox;
    @Inject
    private SmsSender sms;
    @Inject
    private MailSender mail;
    @Inject
    private Clock clock;

    /**
     * Tries to deliver the message if it is still due.
     *
     * @return the message's status after the attempt; empty when it was no longer due (delivered meanwhile)
     */
    public Optional<MessageStatus> deliver(long messageId) {
        Optional<OutboxMessage> locked = outbox.lock(messageId);
        if (locked.isEmpty() || !locked.get().isDueAt(now())) {
            return Optional.empty();
        }
        OutboxMessage message = locked.get();
        try {
            String provider = switch (message.getChannel()) {
                case SMS -> sms.send(message.getRecipient(), message.getBody());
                case EMAIL -> mail.send(message.getRecipient(), message.getSubject(), message.getBody());
            };
            message.sent(provider, now());
        } catch (DeliveryException | RuntimeException e) {
            // a sender's bug counts as a failed attempt too: otherwise the message would be retried every few
            // seconds forever, without attempts ever being counted. The log names the id, not the recipient.
            message.failed(DeliveryException.describe(e), RetryPolicy.DEFAULT, now());
            LOG.log(message.getStatus() == MessageStatus.FAILED ? Level.WARNING : Level.INFO,
                    e instanceof RuntimeException ? e : null,
                    () -> "Outbox message " + message.getId() + " (" + message.getChannel()
                            + ") failed (attempt " + message.getAttempts() + "): " + message.getLastError()
                            + (message.getStatus() == MessageStatus.FAILED ? "; given up" : ""));
        }
        return Optional.of(message.getStatus());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
