package org.kaowu.domain.candidate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.candidate.image.UploadedImage;

import java.time.LocalDateTime;

/** 个人证件照 / 扫描件 — the candidate's current image of one kind, checked and re-encoded. */
@Entity
@Table(name = "candidate_image")
public class CandidateImage {

    @Id
    @SequenceGenerator(name = "candidate_image_seq", sequenceName = "candidate_image_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_image_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_id", nullable = false)
    private Candidate candidate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ImageKind kind;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;

    @Version
    private int version;

    protected CandidateImage() {
        // JPA
    }

    public CandidateImage(Candidate candidate, UploadedImage image, LocalDateTime uploadedAt) {
        this.candidate = candidate;
        this.kind = image.kind();
        replaceWith(image, uploadedAt);
    }

    public final void replaceWith(UploadedImage image, LocalDateTime now) {
        // the lazy content first: writing it loads the unfetched part of the entity, which would overwrite
        // fields set before it (EclipseLink fetch groups)
        this.content = image.bytes();
        this.byteSize = image.size();
        this.width = image.width();
        this.height = image.height();
        this.uploadedAt = now;
    }

    public UploadedImage toUploadedImage() {
        return new UploadedImage(kind, content, width, height);
    }

    public Long getId() { return id; }
    public Candidate getCandidate() { return candidate; }
    public ImageKind getKind() { return kind; }
    public int getByteSize() { return byteSize; }
    public LocalDateTime getUploadedAt() { return uploadedAt; }
}
