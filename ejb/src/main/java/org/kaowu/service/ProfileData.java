package org.kaowu.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.candidate.Candidate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * 个人信息 as the candidate edits it. Gender and birth date are not here: they come from the ID number.
 * Field rules share the entity's length constants; completeness is checked by {@link ProfileService}.
 */
public record ProfileData(
        @Size(max = Candidate.NAME_LENGTH) String name,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) String ethnicity,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) String politicalStatus,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) String education,
        @Size(max = Candidate.TEXT_LENGTH) String major,
        @Size(max = Candidate.TEXT_LENGTH) String school,
        LocalDate graduationDate,
        @Size(max = Candidate.TEXT_LENGTH) String employer,
        @Pattern(regexp = "1[3-9][0-9]{9}") String mobile,
        @Email @Size(max = Candidate.TEXT_LENGTH) String email,
        @Size(max = Candidate.ADDRESS_LENGTH) String address,
        @Pattern(regexp = "[0-9]{6}") String postcode) implements Serializable {

    /** The profile as stored. */
    public static ProfileData of(Candidate c) {
        return new ProfileData(c.getName(), c.getEthnicity(), c.getPoliticalStatus(), c.getEducation(), c.getMajor(),
                c.getSchool(), c.getGraduationDate(), c.getEmployer(), c.getMobile(), c.getEmail(), c.getAddress(),
                c.getPostcode());
    }
}
