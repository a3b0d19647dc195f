package org.kaowu.domain.exam;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 考点 — a place where candidates are reviewed on site and sit the exam. */
@Entity
@Table(name = "exam_site")
public class ExamSite implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int CODE_LENGTH = 10;
    public static final int NAME_LENGTH = 100;
    public static final int ADDRESS_LENGTH = 200;
    public static final int CONTACT_LENGTH = 50;
    public static final int PHONE_LENGTH = 30;

    @Id
    @SequenceGenerator(name = "exam_site_seq", sequenceName = "exam_site_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exam_site_seq")
    private Long id;

    @NotBlank
    @Size(max = CODE_LENGTH)
    @Pattern(regexp = "[0-9A-Z]+")
    @Column(nullable = false, unique = true, length = CODE_LENGTH)
    private String code;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @NotBlank
    @Size(max = ADDRESS_LENGTH)
    @Column(nullable = false, length = ADDRESS_LENGTH)
    private String address;

    @Size(max = CONTACT_LENGTH)
    @Column(length = CONTACT_LENGTH)
    private String contact;

    @Size(max = PHONE_LENGTH)
    @Column(length = PHONE_LENGTH)
    private String phone;

    @Version
    private int version;

    protected ExamSite() {
        // JPA
    }

    public ExamSite(String code, String name, String address) {
        this.code = code;
        this.name = name;
        this.address = address;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    /** Only a new site's code is taken; an existing site keeps its code. */
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public int getVersion() { return version; }

    public ExamSite withContact(String contactName, String contactPhone) {
        this.contact = contactName == null || contactName.isBlank() ? null : contactName.strip();
        this.phone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip();
        return this;
    }
}
