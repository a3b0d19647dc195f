package org.kaowu.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every repository does the same way. Repositories are called from services only, inside the
 * service's transaction.
 */
public abstract class JpaRepository<T> {

    @PersistenceContext(unitName = "kaowu")
    protected EntityManager em;

    private final Class<T> type;

    protected JpaRepository(Class<T> type) {
        this.type = type;
    }

    public Optional<T> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(type, id));
    }

    public T persist(T entity) {
        em.persist(entity);
        return entity;
    }

    /**
     * Raises the entity's version although none of its own columns changed (a join table did), so that
     * optimistic locking also covers such changes.
     */
    public void forceNewVersion(T entity) {
        em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /** Writes pending changes now, so that constraint violations surface inside the service. */
    public void flush() {
        em.flush();
    }

    public List<T> findAll(String orderBy) {
        return em.createQuery("select e from " + type.getSimpleName() + " e order by e." + orderBy, type)
                .getResultList();
    }

    /** A query's single result, or empty when there is none. */
    protected static <R> Optional<R> single(TypedQuery<R> query) {
        try {
            return Optional.of(query.getSingleResult());
        } catch (NoResultException e) {
            return Optional.empty();
        }
    }

    /** A LIKE pattern (use with {@code escape '!'}) matching the text anywhere, with the text's own % and _ taken literally; null for no filter. */
    public static String containsPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}
