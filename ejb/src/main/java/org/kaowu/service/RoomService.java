package org.kaowu.service;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.account.StaffAccount;
import org.kaowu.domain.account.StaffRole;
import org.kaowu.domain.audit.AuditAction;
import org.kaowu.domain.exam.ExamRoom;
import org.kaowu.domain.exam.ExamRoomRepository;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.domain.ticket.AdmissionTicketRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.ConflictException;
import org.kaowu.exception.NotFoundException;

import java.io.Serializable;
import java.util.List;

/**
 * 考场管理: the rooms of each site. Province admins manage every site's rooms, site admins their own (another
 * site's room is "not found", and the attempt is logged). A room never shrinks below a seat some ticket uses
 * and is never deleted once a ticket points to it.
 */
@Stateless
public class RoomService {

    /** Rooms added at once by {@link #addRooms}. */
    public static final int MAX_ADD = 500;

    private static final StaffRole[] ADMINS = {StaffRole.PROVINCE_ADMIN, StaffRole.SITE_ADMIN};

    @Inject
    private ExamRoomRepository rooms;
    @Inject
    private ExamSiteRepository sites;
    @Inject
    private AdmissionTicketRepository tickets;
    @Inject
    private StaffGuard guard;
    @EJB
    private AuditService audit;

    /** What the room form carries: id null for a new room. */
    public record RoomForm(Long id, Long siteId, Integer roomNo, String name, Integer seats, int version)
            implements Serializable {
    }

    /** The sites the caller may manage: all for a province admin, the own one for a site admin. */
    public List<ExamSite> sites(@NotNull String username) {
        StaffAccount staff = guard.require(username, "room.sites", ADMINS);
        Long scope = StaffGuard.siteScope(staff);
        return scope == null ? sites.findAll("code") : List.of(staff.getSite());
    }

    public List<ExamRoom> rooms(@NotNull String username, @NotNull Long siteId) {
        StaffAccount staff = guard.require(username, "room.list", ADMINS);
        return rooms.ofSite(site(staff, siteId).getId());
    }

    /** Adds a room or changes its name and seats (the number of an existing room stays). */
    public ExamRoom save(@NotNull String username, @NotNull RoomForm form) {
        StaffAccount staff = guard.require(username, "room.save", ADMINS);
        String name = form.name() == null || form.name().isBlank() ? null : form.name().strip();
        if (name != null && name.length() > ExamRoom.NAME_LENGTH) {
            throw new BusinessException("room.nameTooLong", ExamRoom.NAME_LENGTH);
        }
        int seats = requireSeats(form.seats());
        if (form.id() == null) {
            ExamSite site = site(staff, form.siteId());
            if (form.roomNo() == null || form.roomNo() < 1 || form.roomNo() > ExamRoom.MAX_ROOM_NO) {
                throw new BusinessException("room.noInvalid", ExamRoom.MAX_ROOM_NO);
            }
            if (rooms.find(site.getId(), form.roomNo()).isPresent()) {
                throw new BusinessException("room.noTaken", form.roomNo());
            }
            ExamRoom room = rooms.persist(new ExamRoom(site, form.roomNo(), name, seats));
            flush();
            audit.record(staff.getUsername(), AuditAction.ROOM_SAVE, "room", room.getId(),
                    site.getCode() + " " + room.getLabel(), null, "seats=" + seats);
            return room;
        }
        ExamRoom room = visible(staff, form.id());
        ExamService.requireVersion(room.getVersion(), form.version());
        int used = tickets.highestSeatUsed(room.getId());
        if (seats < used) {
            throw new BusinessException("room.seatsInUse", used);
        }
        String before = "name=" + room.getName() + "; seats=" + room.getSeats();
        room.setName(name);
        room.setSeats(seats);
        flush();
        audit.record(staff.getUsername(), AuditAction.ROOM_SAVE, "room", room.getId(),
                room.getSite().getCode() + " " + room.getLabel(), before, "name=" + name + "; seats=" + seats);
        return room;
    }

    /** 批量添加: {@code count} rooms of {@code seats} seats, numbered on from the site's highest room. */
    public int addRooms(@NotNull String username, @NotNull Long siteId, Integer count, Integer seats) {
        StaffAccount staff = guard.require(username, "room.add", ADMINS);
        ExamSite site = site(staff, siteId);
        if (count == null || count < 1 || count > MAX_ADD) {
            throw new BusinessException("room.countInvalid", MAX_ADD);
        }
        int size = requireSeats(seats);
        List<ExamRoom> existing = rooms.ofSite(site.getId());
        int next = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).getRoomNo() + 1;
        if (next + count - 1 > ExamRoom.MAX_ROOM_NO) {
            throw new BusinessException("room.noInvalid", ExamRoom.MAX_ROOM_NO);
        }
        for (int i = 0; i < count; i++) {
            rooms.persist(new ExamRoom(site, next + i, null, size));
        }
        flush();
        audit.record(staff.getUsername(), AuditAction.ROOM_SAVE, "site", site.getId(),
                site.getCode() + " 第" + next + "–" + (next + count - 1) + "考场", null, "seats=" + size);
        return count;
    }

    public void delete(@NotNull String username, @NotNull Long roomId, int version) {
        StaffAccount staff = guard.require(username, "room.delete", ADMINS);
        ExamRoom room = visible(staff, roomId);
        ExamService.requireVersion(room.getVersion(), version);
        if (tickets.highestSeatUsed(room.getId()) > 0) {
            throw new BusinessException("room.inUse");
        }
        audit.record(staff.getUsername(), AuditAction.ROOM_DELETE, "room", room.getId(),
                room.getSite().getCode() + " " + room.getLabel(), "seats=" + room.getSeats(), null);
        rooms.remove(room);
        flush();
    }

    private static int requireSeats(Integer seats) {
        if (seats == null || seats < 1 || seats > ExamRoom.MAX_SEATS) {
            throw new BusinessException("room.seatsInvalid", ExamRoom.MAX_SEATS);
        }
        return seats;
    }

    private ExamSite site(StaffAccount staff, Long siteId) {
        ExamSite site = sites.find(siteId).orElseThrow(() -> new NotFoundException("room.siteNotFound"));
        Long scope = StaffGuard.siteScope(staff);
        if (scope != null && !scope.equals(site.getId())) {
            guard.deny(staff.getUsername(), "rooms of another site", siteId);
            throw new NotFoundException("room.siteNotFound");
        }
        return site;
    }

    private ExamRoom visible(StaffAccount staff, Long roomId) {
        ExamRoom room = rooms.find(roomId).orElseThrow(() -> new NotFoundException("room.notFound"));
        Long scope = StaffGuard.siteScope(staff);
        if (scope != null && !scope.equals(room.getSite().getId())) {
            guard.deny(staff.getUsername(), "room of another site", roomId);
            throw new NotFoundException("room.notFound");
        }
        return room;
    }

    private void flush() {
        try {
            rooms.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException();
        }
    }
}
