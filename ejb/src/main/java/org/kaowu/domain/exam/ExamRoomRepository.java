package org.kaowu.domain.exam;

import jakarta.enterprise.context.ApplicationScoped;
import org.kaowu.infrastructure.persistence.JpaRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExamRoomRepository extends JpaRepository<ExamRoom> {

    public ExamRoomRepository() {
        super(ExamRoom.class);
    }

    /** The site's rooms by number. */
    public List<ExamRoom> ofSite(Long siteId) {
        return em.createQuery("select r from ExamRoom r where r.site.id = :site order by r.roomNo", ExamRoom.class)
                .setParameter("site", siteId).getResultList();
    }

    public Optional<ExamRoom> find(Long siteId, int roomNo) {
        return single(em.createQuery("select r from ExamRoom r where r.site.id = :site and r.roomNo = :no",
                ExamRoom.class).setParameter("site", siteId).setParameter("no", roomNo));
    }

    public void remove(ExamRoom room) {
        em.remove(room);
    }
}
