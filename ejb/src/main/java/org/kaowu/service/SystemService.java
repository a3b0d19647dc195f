package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kaowu.infrastructure.persistence.SchemaMigrator;

/** Facts about the running system for health checks and operators. */
@Stateless
public class SystemService {

    @PersistenceContext(unitName = "kaowu")
    private EntityManager em;

    @EJB
    private SchemaMigrator migrator;

    /** Whether the application database answers a trivial query. Outside a transaction, so a failure is only a 'no'. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isDatabaseUp() {
        try {
            return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The schema version the database is at. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String schemaVersion() {
        return migrator.currentVersion();
    }
}
