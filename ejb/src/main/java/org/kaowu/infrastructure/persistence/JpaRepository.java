package org.kaowu.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
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
}
