package org.kaowu.domain.candidate;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 考生 — a candidate's account (the 18-character national ID number is the login name) and personal
 * profile (个人信息). Profile fields stay null until the candidate fills them in.
 */
@Entity
@Table(name = "candidate")
public class Candidate implements org.kaowu.domain.account.Lockable, Serializable {

    private static final long serialVersionUID = 1L;

    public static final int ID_NUMBER_LENGTH = 18;
    public static final int NAME_LENGTH = 50;
    public static final int SHORT_TEXT_LENGTH = 20;
    public static final int TEXT_LENGTH = 100;
    public static final int ADDRESS_LENGTH = 200;
    public static final int MOBILE_LENGTH = 11;
    public static final int POSTCODE_LENGTH = 6;

    @Id
    @SequenceGenerator(name = "candidate_seq", sequenceName = "candidate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_seq")
    private Long id;

    @NotNull
    @Pattern(regexp = "[0-9]{17}[0-9X]")
    @Column(name = "id_number", nullable = false, unique = true, length = ID_NUMBER_LENGTH)
    private String idNumber;

    @NotNull
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    @NotNull
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Size(max = NAME_LENGTH)
    @Column(length = NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 6)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Size(max = SHORT_TEXT_LENGTH)
    @Column(length = SHORT_TEXT_LENGTH)
    private String ethnicity;

    @Size(max = SHORT_TEXT_LENGTH)
    @Column(name = "political_status", length = SHORT_TEXT_LENGTH)
    private String politicalStatus;

    @Size(max = SHORT_TEXT_LENGTH)
    @Column(length = SHORT_TEXT_LENGTH)
    private String education;

    @Size(max = TEXT_LENGTH)
    @Column(length = TEXT_LENGTH)
    private String major;

    @Size(max = TEXT_LENGTH)
    @Column(length = TEXT_LENGTH)
    private String school;

    @Column(name = "graduation_date")
    private LocalDate graduationDate;

    @Size(max = TEXT_LENGTH)
    @Column(length = TEXT_LENGTH)
    private String employer;

    @Pattern(regexp = "1[3-9][0-9]{9}")
    @Column(length = MOBILE_LENGTH)
    private String mobile;

    @Size(max = TEXT_LENGTH)
    @Column(length = TEXT_LENGTH)
    private String email;

    @Size(max = ADDRESS_LENGTH)
    @Column(length = ADDRESS_LENGTH)
    private String address;

    @Pattern(regexp = "[0-9]{6}")
    @Column(length = POSTCODE_LENGTH)
    private String postcode;

    @Column(name = "profile_updated_at")
    private LocalDateTime profileUpdatedAt;

    @Version
    private int version;

    protected Candidate() {
        // JPA
    }

    public Candidate(String idNumber, String passwordHash, LocalDateTime createdAt) {
        this.idNumber = idNumber;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getIdNumber() { return idNumber; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public int getFailedLogins() { return failedLogins; }
    public void setFailedLogins(int failedLogins) { this.failedLogins = failedLogins; }
    public LocalDateTime getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(LocalDateTime lockedUntil) { this.lockedUntil = lockedUntil; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
    public String getPoliticalStatus() { return politicalStatus; }
    public void setPoliticalStatus(String politicalStatus) { this.politicalStatus = politicalStatus; }
    public String getEducation() { return education; }
    public void setEducation(String education) { this.education = education; }
    public String getMajor() { return major; }
    public void setMajor(String major) { this.major = major; }
    public String getSchool() { return school; }
    public void setSchool(String school) { this.school = school; }
    public LocalDate getGraduationDate() { return graduationDate; }
    public void setGraduationDate(LocalDate graduationDate) { this.graduationDate = graduationDate; }
    public String getEmployer() { return employer; }
    public void setEmployer(String employer) { this.employer = employer; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public LocalDateTime getProfileUpdatedAt() { return profileUpdatedAt; }
    public void setProfileUpdatedAt(LocalDateTime profileUpdatedAt) { this.profileUpdatedAt = profileUpdatedAt; }
    public int getVersion() { return version; }
}
