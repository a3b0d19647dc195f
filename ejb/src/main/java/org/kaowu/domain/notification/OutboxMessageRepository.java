package org.kaowu.domain.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OutboxMessageRepository extends JpaRepository<OutboxMessage> {

    public OutboxMessageRepository() {
        super(OutboxMessage.class);
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
