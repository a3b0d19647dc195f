package org.kaowu.domain.exam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.ticket.Room;

/**
 * 考场 — one exam room of a site, numbered within the site (第 001 考场), with its seats (30 unless the site
 * says otherwise). Rooms belong to the site, not to a batch: every batch held at the site uses them.
 */
@Entity
@Table(name = "exam_room")
public class ExamRoom {

    public static final int NAME_LENGTH = 50;
    public static final int MAX_ROOM_NO = 9999;
    public static final int MAX_SEATS = 999;

    @Id
    @SequenceGenerator(name = "exam_room_seq", sequenceName = "exam_room_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exam_room_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id", nullable = false)
    private ExamSite site;

    @Min(1)
    @Max(MAX_ROOM_NO)
    @Column(name = "room_no", nullable = false)
    private int roomNo;

    /** Where it is, e.g. "教学楼 A101"; printed after the number. */
    @Size(max = NAME_LENGTH)
    @Column(length = NAME_LENGTH)
    private String name;

    @Min(1)
    @Max(MAX_SEATS)
    @Column(nullable = false)
    private int seats = Room.DEFAULT_CAPACITY;

    @Version
    private int version;

    protected ExamRoom() {
        // JPA
    }

    public ExamRoom(ExamSite site, int roomNo, String name, int seats) {
        this.site = site;
        this.roomNo = roomNo;
        this.name = name;
        this.seats = seats;
    }

    /** As printed on tickets and sheets: "第007考场" or "第007考场（教学楼 A101）". */
    public static String label(int roomNo, String name) {
        String number = "第" + String.format("%03d", roomNo) + "考场";
        return name == null || name.isBlank() ? number : number + "（" + name + "）";
    }

    public String getLabel() {
        return label(roomNo, name);
    }

    /** What the seat allocator needs: rooms ordered by number ("9" before "10"). */
    public Room toRoom() {
        return new Room(id, Integer.toString(roomNo), seats);
    }

    public Long getId() { return id; }
    public ExamSite getSite() { return site; }
    public int getRoomNo() { return roomNo; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getSeats() { return seats; }
    public void setSeats(int seats) { this.seats = seats; }
    public int getVersion() { return version; }
}
