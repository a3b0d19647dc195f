package org.kaowu.domain.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.kaowu.infrastructure.persistence.BulkInsert;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OutboxMessageRepository extends JpaRepository<OutboxMessage> {

    private static final List<String> COLUMNS = List.of("channel", "recipient", "subject", "body", "status", "attempts",
            "next_attempt_at", "created_at", "version");

    @Inject
    private BulkInsert bulk;

    public OutboxMessageRepository() {
        super(OutboxMessage.class);
    }

    /** New messages of a bulk job's chunk in one JDBC batch (see {@link BulkInsert}); they stay unmanaged. */
    public void insertAll(List<OutboxMessage> messages) {
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            rows.add(new Object[] {m.getChannel().name(), m.getRecipient(), m.getSubject(), m.getBody(),
                    m.getStatus().name(), m.getAttempts(), m.getNextAttemptAt(), m.getCreatedAt(), m.getVersion()});
        }
        bulk.insert("outbox_message", "outbox_message_seq", 50, COLUMNS, rows);
    }

    /** Pending messages whose next attempt is due, longest waiting first (the index on status, next_attempt_at). */
    public List<OutboxMessage> findDue(LocalDateTime now, int limit) {
        return em.createQuery("select m from OutboxMessage m where m.status = :pending"
                        + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id", OutboxMessage.class)
                .setParameter("pending", MessageStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The message, row-locked until the transaction ends: whoever delivers it holds the lock, so a second
     * dispatcher (another server, or a manual run) waits and then sees it already sent.
     */
    public Optional<OutboxMessage> lock(Long id) {
        return Optional.ofNullable(em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of the admin list, newest first. Null filters match everything; {@code recipient} matches any
     * part of the number or address, ignoring case.
     */
    public List<OutboxMessage> search(Channel channel, MessageStatus status, String recipient, int first, int max) {
        return filtered("select m", channel, status, recipient, " order by m.createdAt desc, m.id desc",
                OutboxMessage.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(Channel channel, MessageStatus status, String recipient) {
        return filtered("select count(m)", channel, status, recipient, "", Long.class).getSingleResult();
    }

    private <R> TypedQuery<R> filtered(String select, Channel channel, MessageStatus status, String recipient,
                                       String orderBy, Class<R> type) {
        String pattern = containsPattern(recipient);
        List<String> conditions = new ArrayList<>();
        if (channel != null) {
            conditions.add("m.channel = :channel");
        }
        if (status != null) {
            conditions.add("m.status = :status");
        }
        if (pattern != null) {
            conditions.add("lower(m.recipient) like :recipient escape '!'");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<R> query = em.createQuery(select + " from OutboxMessage m" + where + orderBy, type);
        if (channel != null) {
            query.setParameter("channel", channel);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (pattern != null) {
            query.setParameter("recipient", pattern);
        }
        return query;
    }
}
