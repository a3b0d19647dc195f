package org.kaowu.domain.exam;

import java.io.Serializable;
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
import jakarta.validation.constraints.Min;

/** A site taking part in a batch, with the seats it offers and how many are taken. */
@Entity
@Table(name = "batch_site")
public class BatchSite implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "batch_site_seq", sequenceName = "batch_site_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batch_site_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id", nullable = false)
    private ExamBatch batch;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private ExamSite site;

    @Min(0)
    @Column(nullable = false)
    private int seats;

    @Column(name = "seats_taken", nullable = false)
    private int seatsTaken;

    @Version
    private int version;

    protected BatchSite() {
        // JPA
    }

    public BatchSite(ExamBatch batch, ExamSite site, int seats) {
        this.batch = batch;
        this.site = site;
        this.seats = seats;
    }

    public Long getId() { return id; }
    public ExamBatch getBatch() { return batch; }
    public ExamSite getSite() { return site; }
    public int getSeats() { return seats; }
    public void setSeats(int seats) { this.seats = seats; }
    public int getSeatsTaken() { return seatsTaken; }
    public int getSeatsLeft() { return seats - seatsTaken; }
}
