package org.kaowu.domain.ticket;

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
import org.kaowu.domain.exam.ExamRoom;
import org.kaowu.domain.registration.Registration;

import java.time.LocalDateTime;

/**
 * 准考证 — the seat of one approved registration: room, seat and ticket number. Written in bulk by the
 * allocation, so the foreign keys are plain id columns (nothing is loaded to insert a ticket); the relations
 * beside them are read-only, for queries and for printing. Never changed once written: a redo before
 * publication deletes and writes anew.
 */
@Entity
@Table(name = "admission_ticket")
public class AdmissionTicket {

    public static final int NUMBER_LENGTH = 40;

    @Id
    @SequenceGenerator(name = "admission_ticket_seq", sequenceName = "admission_ticket_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admission_ticket_seq")
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(name = "room_id", nullable = false)
    private Long roomId;

    @Column(name = "seat_no", nullable = false)
    private int seatNo;

    @Column(name = "ticket_no", nullable = false, length = NUMBER_LENGTH)
    private String ticketNo;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "registration_id", insertable = false, updatable = false)
    private Registration registration;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "room_id", insertable = false, updatable = false)
    private ExamRoom room;

    protected AdmissionTicket() {
        // JPA
    }

    public AdmissionTicket(Long batchId, Placement placement, String ticketNo, LocalDateTime createdAt) {
        this.batchId = batchId;
        this.registrationId = placement.registrationId();
        this.roomId = placement.roomId();
        this.seatNo = placement.seatNo();
        this.ticketNo = ticketNo;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getRoomId() { return roomId; }
    public int getSeatNo() { return seatNo; }
    public String getTicketNo() { return ticketNo; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public Registration getRegistration() { return registration; }
    public ExamRoom getRoom() { return room; }

    /** The seat as printed: two digits at least ("03"). */
    public String getSeatLabel() {
        return String.format("%02d", seatNo);
    }
}
