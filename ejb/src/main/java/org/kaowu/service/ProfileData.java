package org.kaowu.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.kaowu.domain.candidate.Candidate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * 个人信息 as the candidate edits it. Gender and birth date are not here: they come from the ID number.
 * Field rules share the entity's length constants; completeness is checked by {@link ProfileService}. The
 * patterns are public so that the page's Faces validators mirror exactly what the service enforces.
 */
public record ProfileData(
        @Size(max = Candidate.NAME_LENGTH) @Pattern(regexp = ProfileData.NAME_PATTERN) String name,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String ethnicity,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String politicalStatus,
        @Size(max = Candidate.SHORT_TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String education,
        @Size(max = Candidate.TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String major,
        @Size(max = Candidate.TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String school,
        LocalDate graduationDate,
        @Size(max = Candidate.TEXT_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String employer,
        @Pattern(regexp = ProfileData.MOBILE_PATTERN) String mobile,
        @Email @Size(max = Candidate.TEXT_LENGTH) @Pattern(regexp = ProfileData.EMAIL_PATTERN) String email,
        @Size(max = Candidate.ADDRESS_LENGTH) @Pattern(regexp = ProfileData.TEXT_PATTERN) String address,
        @Pattern(regexp = ProfileData.POSTCODE_PATTERN) String postcode) implements Serializable {

    /** 手机号码: a mainland mobile number, 11 digits starting 13-19. */
    public static final String MOBILE_PATTERN = "1[3-9][0-9]{9}";

    /** 邮政编码: six digits. */
    public static final String POSTCODE_PATTERN = "[0-9]{6}";

    /**
     * 姓名: Chinese characters, Latin letters, spaces, '.', '-' and the middle dots of minority and foreign
     * names (买买提·艾力); no digits, quotes or markup.
     */
    public static final String NAME_PATTERN = "[\\p{IsHan}\\p{IsLatin}\u00B7\u2022 .\\-]*";

    /**
     * Free text (专业, 院校, 单位, 地址, …): anything but control characters and {@code < > " ; \} — markup and
     * statement fragments never belong in a profile, and refusing them keeps the data safe wherever it is
     * printed or exported later. Apostrophes stay allowed (Xi'an).
     */
    public static final String TEXT_PATTERN = "[^<>\";\\\\\\p{Cntrl}]*";

    /**
     * 电子邮箱, in addition to {@link Email}: one '@', a dot in the domain, no spaces or the characters refused
     * in free text. The page validates with this pattern; {@code @Email} may still refuse rarer mistakes.
     */
    public static final String EMAIL_PATTERN = "[^@\\s<>\";\\\\]+@[^@\\s<>\";\\\\]+\\.[^@\\s<>\";\\\\.]+";

    /** The profile as stored. */
    public static ProfileData of(Candidate c) {
        return new ProfileData(c.getName(), c.getEthnicity(), c.getPoliticalStatus(), c.getEducation(), c.getMajor(),
                c.getSchool(), c.getGraduationDate(), c.getEmployer(), c.getMobile(), c.getEmail(), c.getAddress(),
                c.getPostcode());
    }
}
