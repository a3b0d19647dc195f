package org.kaowu.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kaowu.exception.BusinessException;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * 短信/邮件记录 — one SMS or e-mail in the transactional outbox. It is written in the same transaction as the
 * business change that causes it (so it exists exactly when the change does) and delivered afterwards, with
 * retries, by the dispatcher. The row stays as the record of what was sent to whom.
 * <p>
 * Serializable only because the admin list keeps the page it shows in the view state.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int RECIPIENT_LENGTH = 100;
    public static final int SUBJECT_LENGTH = 200;
    public static final int BODY_LENGTH = 2000;
    public static final int ERROR_LENGTH = 500;
    public static final int PROVIDER_LENGTH = 20;

    @Id
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    private Long id;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 5)
    private Channel channel;

    /** A mobile number for SMS, an e-mail address for e-mail; stored in full because it is needed to send. */
    @NotBlank
    @Size(max = RECIPIENT_LENGTH)
    @Column(nullable = false, length = RECIPIENT_LENGTH)
    private String recipient;

    /** E-mail only. */
    @Size(max = SUBJECT_LENGTH)
    @Column(length = SUBJECT_LENGTH)
    private String subject;

    @NotBlank
    @Size(max = BODY_LENGTH)
    @Column(nullable = false, length = BODY_LENGTH)
    private String body;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MessageStatus status = MessageStatus.PENDING;

    /** Delivery attempts made so far, the successful one included. */
    @Min(0)
    @Column(nullable = false)
    private int attempts;

    @NotNull
    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Size(max = ERROR_LENGTH)
    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    /** Who took the message: "dev", "http" or "smtp". */
    @Size(max = PROVIDER_LENGTH)
    @Column(length = PROVIDER_LENGTH)
    private String provider;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    @Version
    private int version;

    protected OutboxMessage() {
        // JPA
    }

    private OutboxMessage(Channel channel, String recipient, String subject, String body, LocalDateTime now) {
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * An SMS due now. Surrounding blanks of the number are ignored.
     *
     * @throws BusinessException {@code notification.mobileInvalid} unless the number is a mainland mobile number
     */
    public static OutboxMessage sms(String mobile, String text, LocalDateTime now) {
        String number = mobile == null ? null : mobile.strip();
        if (!Recipients.isMobile(number)) {
            throw new BusinessException("notification.mobileInvalid");
        }
        return new OutboxMessage(Channel.SMS, number, null, text, now);
    }

    /**
     * An e-mail due now. Line breaks in the subject become spaces: a subject is one header line, and a line
     * break in it would let the text add headers of its own.
     *
     * @throws BusinessException {@code notification.emailInvalid} unless the address has the shape of one
     */
    public static OutboxMessage email(String address, String subject, String body, LocalDateTime now) {
        String to = address == null ? null : address.strip();
        if (!Recipients.isEmail(to)) {
            throw new BusinessException("notification.emailInvalid");
        }
        String oneLine = subject == null ? null : subject.replaceAll("[\\r\\n]+", " ").strip();
        return new OutboxMessage(Channel.EMAIL, to, oneLine, body, now);
    }

    /** Whether the dispatcher should try this message now. */
    public boolean isDueAt(LocalDateTime now) {
        return status == MessageStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** The gateway or mail server took the message. */
    public void sent(String provider, LocalDateTime now) {
        requirePending();
        this.attempts++;
        this.status = MessageStatus.SENT;
        this.provider = truncate(provider, PROVIDER_LENGTH);
        this.sentAt = now;
    }

    /**
     * An attempt failed: remember why, and either schedule the next attempt or give up, as the policy says.
     * The previous error is replaced; the admin page shows the latest one.
     */
    public void failed(String error, RetryPolicy policy, LocalDateTime now) {
        requirePending();
        this.attempts++;
        this.lastError = truncate(error == null || error.isBlank() ? "unknown error" : error, ERROR_LENGTH);
        policy.nextAttempt(attempts, now).ifPresentOrElse(
                next -> this.nextAttemptAt = next,
                () -> this.status = MessageStatus.FAILED);
    }

    private void requirePending() {
        if (status != MessageStatus.PENDING) {
            throw new IllegalStateException("message " + id + " is " + status + ", not PENDING");
        }
    }

    /** Cuts to the column length without leaving half of a surrogate pair at the end. */
    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    public Long getId() { return id; }
    public Channel getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public MessageStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public String getProvider() { return provider; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getSentAt() { return sentAt; }
    public int getVersion() { return version; }

    @Override
    public String toString() {
        // never the body: it may hold a verification code
        return "OutboxMessage[" + id + ", " + channel + ", " + status + ", attempts " + attempts + "]";
    }
}
