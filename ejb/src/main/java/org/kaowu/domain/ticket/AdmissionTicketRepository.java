package org.kaowu.domain.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admission tickets and ticket set-ups. The allocation works on ids and numbers only (projections, no
 * entities), so 100,000 tickets never sit in one persistence context.
 */
@ApplicationScoped
public class AdmissionTicketRepository extends JpaRepository<AdmissionTicket> {

    public AdmissionTicketRepository() {
        super(AdmissionTicket.class);
    }

    // ---- set-up and locking ----

    public Optional<TicketSetup> setup(Long batchId) {
        return Optional.ofNullable(em.find(TicketSetup.class, batchId));
    }

    /** The batch's set-up, created (not yet published, default rule) when it has none. */
    public TicketSetup setupOrNew(Long batchId) {
        TicketSetup setup = em.find(TicketSetup.class, batchId);
        if (setup == null) {
            setup = new TicketSetup(batchId);
            em.persist(setup);
        }
        return setup;
    }

    /**
     * Locks the batch row until the transaction ends: allocation, redo and publication of one batch queue here,
     * across threads and servers.
     */
    public Optional<ExamBatch> lockBatch(Long batchId) {
        return Optional.ofNullable(em.find(ExamBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE));
    }

    // ---- what the allocation reads and writes ----

    /** Approved (reviewed and paid) registrations at a site of the batch, by registration number. */
    public List<Long> approvedAtSite(Long batchId, Long siteId) {
        return em.createQuery("select r.id from Registration r where r.batch.id = :batch and r.batchSite.site.id = :site"
                        + " and r.status = :approved order by r.registrationNo", Long.class)
                .setParameter("batch", batchId).setParameter("site", siteId)
                .setParameter("approved", RegistrationStatus.APPROVED).getResultList();
    }

    /** The batch's placements in rooms of the site. */
    public List<Placement> placementsAtSite(Long batchId, Long siteId) {
        List<Object[]> rows = em.createQuery("select t.registrationId, t.roomId, t.seatNo from AdmissionTicket t"
                        + " where t.batchId = :batch and t.room.site.id = :site", Object[].class)
                .setParameter("batch", batchId).setParameter("site", siteId).getResultList();
        List<Placement> placements = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            placements.add(new Placement((Long) row[0], (Long) row[1], ((Number) row[2]).intValue()));
        }
        return placements;
    }

    /** Redo from scratch: the batch's tickets in rooms of the site. */
    public int deleteAtSite(Long batchId, Long siteId) {
        return em.createQuery("delete from AdmissionTicket t where t.batchId = :batch and t.roomId in"
                        + " (select r.id from ExamRoom r where r.site.id = :site)")
                .setParameter("batch", batchId).setParameter("site", siteId).executeUpdate();
    }

    /** Writes and forgets: the caller flushes and clears in chunks (JDBC batch writing does the rest). */
    public void add(AdmissionTicket ticket) {
        em.persist(ticket);
    }

    public void clear() {
        em.clear();
    }

    /** [registration id, mobile, e-mail, batch name, ticket number] of the given registrations' tickets. */
    public List<Object[]> holders(Long batchId, List<Long> registrationIds) {
        return em.createQuery("select r.id, r.snapMobile, r.snapEmail, r.batch.name, t.ticketNo from AdmissionTicket t"
                        + " join t.registration r where t.batchId = :batch and r.id in :ids", Object[].class)
                .setParameter("batch", batchId).setParameter("ids", registrationIds).getResultList();
    }

    /** [mobile, e-mail, batch name, ticket number] of every ticket holder of the batch. */
    public List<Object[]> allHolders(Long batchId) {
        return em.createQuery("select r.snapMobile, r.snapEmail, r.batch.name, t.ticketNo from AdmissionTicket t"
                + " join t.registration r where t.batchId = :batch order by t.ticketNo", Object[].class)
                .setParameter("batch", batchId).getResultList();
    }

    // ---- counts and the completeness check ----

    public long count(Long batchId, Long siteId) {
        return scoped("select count(t) from AdmissionTicket t where t.batchId = :batch", siteId, "t.room.site.id",
                Long.class, batchId).getSingleResult();
    }

    public long countApproved(Long batchId, Long siteId) {
        return scoped("select count(r) from Registration r where r.batch.id = :batch and r.status = :approved",
                siteId, "r.batchSite.site.id", Long.class, batchId)
                .setParameter("approved", RegistrationStatus.APPROVED).getSingleResult();
    }

    private static final String WITHOUT_TICKET = " from Registration r where r.batch.id = :batch and r.status = :approved"
            + " and not exists (select t.id from AdmissionTicket t where t.registrationId = r.id)";

    public long countWithoutTicket(Long batchId, Long siteId) {
        return scoped("select count(r)" + WITHOUT_TICKET, siteId, "r.batchSite.site.id", Long.class, batchId)
                .setParameter("approved", RegistrationStatus.APPROVED).getSingleResult();
    }

    /** Approved registrations without a ticket: [registration no, name, site code, site name], at most max. */
    public List<Object[]> withoutTicket(Long batchId, Long siteId, int max) {
        return scoped("select r.registrationNo, r.snapName, r.batchSite.site.code, r.batchSite.site.name" + WITHOUT_TICKET,
                siteId, "r.batchSite.site.id", Object[].class, batchId, " order by r.registrationNo")
                .setParameter("approved", RegistrationStatus.APPROVED).setMaxResults(max).getResultList();
    }

    /** [site id, count] of approved registrations without a ticket. */
    public Map<Long, Long> withoutTicketBySite(Long batchId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select r.batchSite.site.id, count(r)" + WITHOUT_TICKET
                        + " group by r.batchSite.site.id", Object[].class)
                .setParameter("batch", batchId).setParameter("approved", RegistrationStatus.APPROVED).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Tickets whose registration is no longer approved (a ticket nobody should print). */
    public long countStale(Long batchId, Long siteId) {
        return scoped("select count(t) from AdmissionTicket t join t.registration r where t.batchId = :batch"
                + " and r.status <> :approved", siteId, "t.room.site.id", Long.class, batchId)
                .setParameter("approved", RegistrationStatus.APPROVED).getSingleResult();
    }

    /** Per room of the batch: [room id, tickets, highest seat number]. */
    public Map<Long, long[]> roomUse(Long batchId) {
        Map<Long, long[]> use = new HashMap<>();
        for (Object[] row : em.createQuery("select t.roomId, count(t), max(t.seatNo) from AdmissionTicket t"
                + " where t.batchId = :batch group by t.roomId", Object[].class).setParameter("batch", batchId)
                .getResultList()) {
            use.put((Long) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return use;
    }

    /** The highest seat number any batch uses in the room (0 when none): the room may not shrink below it. */
    public int highestSeatUsed(Long roomId) {
        Integer max = em.createQuery("select max(t.seatNo) from AdmissionTicket t where t.roomId = :room", Integer.class)
                .setParameter("room", roomId).getSingleResult();
        return max == null ? 0 : max;
    }

    // ---- reading tickets ----

    /** The candidate's own ticket with this id; empty for anybody else's, exactly as for a missing one. */
    public Optional<AdmissionTicket> findOwned(Long ticketId, String idNumber) {
        return single(em.createQuery("select t from AdmissionTicket t join fetch t.registration r join fetch t.room"
                        + " where t.id = :id and r.candidate.idNumber = :idNumber", AdmissionTicket.class)
                .setParameter("id", ticketId).setParameter("idNumber", idNumber));
    }

    public Optional<AdmissionTicket> forRegistration(Long registrationId) {
        return single(em.createQuery("select t from AdmissionTicket t where t.registrationId = :id",
                AdmissionTicket.class).setParameter("id", registrationId));
    }

    /** A room's tickets in seat order, registrations fetched. */
    public List<AdmissionTicket> ofRoom(Long batchId, Long roomId) {
        return em.createQuery("select t from AdmissionTicket t join fetch t.registration where t.batchId = :batch"
                        + " and t.roomId = :room order by t.seatNo", AdmissionTicket.class)
                .setParameter("batch", batchId).setParameter("room", roomId).getResultList();
    }

    private <R> TypedQuery<R> scoped(String jpql, Long siteId, String sitePath, Class<R> type, Long batchId) {
        return scoped(jpql, siteId, sitePath, type, batchId, "");
    }

    private <R> TypedQuery<R> scoped(String jpql, Long siteId, String sitePath, Class<R> type, Long batchId,
                                     String order) {
        TypedQuery<R> query = em.createQuery(jpql + (siteId == null ? "" : " and " + sitePath + " = :site") + order, type)
                .setParameter("batch", batchId);
        return siteId == null ? query : query.setParameter("site", siteId);
    }
}
