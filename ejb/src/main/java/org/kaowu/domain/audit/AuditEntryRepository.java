package org.kaowu.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.time.LocalDateTime;
import java.util.List;

@ApplicationScoped
public class AuditEntryRepository extends JpaRepository<AuditEntry> {

    public AuditEntryRepository() {
        super(AuditEntry.class);
    }

    /** Entries matching every given filter (null = any), newest first. */
    public List<AuditEntry> search(AuditFilter filter, int first, int max) {
        return query(filter, "select a", " order by a.at desc, a.id desc", AuditEntry.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(AuditFilter filter) {
        return query(filter, "select count(a)", "", Long.class).getSingleResult();
    }

    private <R> TypedQuery<R> query(AuditFilter filter, String select, String order, Class<R> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from AuditEntry a where 1 = 1");
        if (filter.actor() != null) {
            jpql.append(" and a.actor = :actor");
        }
        if (filter.action() != null) {
            jpql.append(" and a.action = :action");
        }
        if (filter.text() != null) {
            jpql.append(" and (lower(a.summary) like :text escape '!' or a.targetId = :target)");
        }
        if (filter.from() != null) {
            jpql.append(" and a.at >= :from");
        }
        if (filter.until() != null) {
            jpql.append(" and a.at < :until");
        }
        TypedQuery<R> query = em.createQuery(jpql + order, type);
        if (filter.actor() != null) {
            query.setParameter("actor", filter.actor());
        }
        if (filter.action() != null) {
            query.setParameter("action", filter.action());
        }
        if (filter.text() != null) {
            query.setParameter("text", containsPattern(filter.text()));
            query.setParameter("target", filter.text());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay());
        }
        if (filter.until() != null) {
            query.setParameter("until", filter.until().plusDays(1).atStartOfDay());
        }
        return query;
    }

    /** For tests and the dashboard: how many entries an actor has since a time. */
    public long countSince(String actor, LocalDateTime since) {
        return em.createQuery("select count(a) from AuditEntry a where a.actor = :actor and a.at >= :since", Long.class)
                .setParameter("actor", actor).setParameter("since", since).getSingleResult();
    }
}
