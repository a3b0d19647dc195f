package org.kaowu.web.view.admin.rooms;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.domain.exam.ExamRoom;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.ticket.Room;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.RoomService;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/rooms?site=N} — 考场管理: a site's rooms with their seats; add one, add many, change one,
 * delete an unused one. Site admins see only their own site (the service enforces it).
 */
@Named("adminRoomsBacking")
@ViewScoped
public class RoomsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RoomService roomService;
    @Inject
    private SecurityContext security;

    private Long siteId;
    private List<ExamSite> sites;
    private List<ExamRoom> rooms = List.of();

    private Integer newNo;
    private String newName;
    private Integer newSeats = Room.DEFAULT_CAPACITY;
    private Integer addCount = 10;
    private Integer addSeats = Room.DEFAULT_CAPACITY;

    private Long editId;
    private String editName;
    private Integer editSeats;
    private int editVersion;

    /** f:viewAction: the chosen site, or the first the caller may manage. */
    public void load() {
        try {
            sites = roomService.sites(caller());
            if (siteId == null && !sites.isEmpty()) {
                siteId = sites.get(0).getId();
            }
            reload();
        } catch (BusinessException e) {
            siteId = null;
            rooms = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void siteChanged() {
        editId = null;
        load();
    }

    public void add() {
        run(() -> {
            roomService.save(caller(), new RoomService.RoomForm(null, siteId, newNo, newName, newSeats, 0));
            newNo = null;
            newName = null;
            Messages.addGlobalInfo("admin.rooms.added");
        });
    }

    public void addMany() {
        run(() -> {
            int added = roomService.addRooms(caller(), siteId, addCount, addSeats);
            Messages.addGlobalInfo("admin.rooms.addedMany", added);
        });
    }

    public void edit(ExamRoom room) {
        editId = room.getId();
        editName = room.getName();
        editSeats = room.getSeats();
        editVersion = room.getVersion();
    }

    public void saveEdit() {
        run(() -> {
            roomService.save(caller(), new RoomService.RoomForm(editId, siteId, null, editName, editSeats, editVersion));
            editId = null;
            Messages.addGlobalInfo("admin.saved");
        });
    }

    public void cancelEdit() {
        editId = null;
    }

    public void delete(ExamRoom room) {
        run(() -> {
            roomService.delete(caller(), room.getId(), room.getVersion());
            Messages.addGlobalInfo("admin.rooms.deleted", room.getLabel());
        });
    }

    public int getTotalSeats() {
        return rooms.stream().mapToInt(ExamRoom::getSeats).sum();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        reload();
    }

    private void reload() {
        try {
            rooms = siteId == null ? List.of() : roomService.rooms(caller(), siteId);
        } catch (BusinessException e) {
            rooms = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public List<ExamSite> getSites() { return sites; }
    public List<ExamRoom> getRooms() { return rooms; }
    public Integer getNewNo() { return newNo; }
    public void setNewNo(Integer newNo) { this.newNo = newNo; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public Integer getNewSeats() { return newSeats; }
    public void setNewSeats(Integer newSeats) { this.newSeats = newSeats; }
    public Integer getAddCount() { return addCount; }
    public void setAddCount(Integer addCount) { this.addCount = addCount; }
    public Integer getAddSeats() { return addSeats; }
    public void setAddSeats(Integer addSeats) { this.addSeats = addSeats; }
    public Long getEditId() { return editId; }
    public String getEditName() { return editName; }
    public void setEditName(String editName) { this.editName = editName; }
    public Integer getEditSeats() { return editSeats; }
    public void setEditSeats(Integer editSeats) { this.editSeats = editSeats; }
}
