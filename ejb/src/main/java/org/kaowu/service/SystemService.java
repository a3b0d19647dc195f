package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Facts about the running system for health checks and operators. */
@Stateless
public class SystemService {

    @PersistenceContext(unitName = "kaowu")
    private EntityManager em;

    /** Whether the application database answers a trivial query. Outside a transaction, so a failure is only a 'no'. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isDatabaseUp() {
        try {
            return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The newest schema version Flyway applied successfully. */
    public String schemaVersion() {
        return (String) em.createNativeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE"
                        + " ORDER BY installed_rank DESC")
                .setMaxResults(1)
                .getSingleResult();
    }
}
