package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.CandidateRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 个人信息 (manual section 3): the candidate's own profile. Always addressed by the logged-in caller's ID
 * number, never by an id from a request.
 */
@Stateless
public class ProfileService {

    @Inject
    private CandidateRepository candidates;
    @Inject
    private Clock clock;

    public ProfileData profile(@NotNull String idNumber) {
        return ProfileData.of(candidate(idNumber));
    }

    /** 保存: stores the profile as given (blank text counts as not filled in). */
    public void save(@NotNull String idNumber, @NotNull @Valid ProfileData data) {
        if (data.graduationDate() != null && data.graduationDate().isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new BusinessException("profile.graduationDateFuture");
        }
        Candidate c = candidate(idNumber);
        c.setName(clean(data.name()));
        c.setEthnicity(clean(data.ethnicity()));
        c.setPoliticalStatus(clean(data.politicalStatus()));
        c.setEducation(clean(data.education()));
        c.setMajor(clean(data.major()));
        c.setSchool(clean(data.school()));
        c.setGraduationDate(data.graduationDate());
        c.setEmployer(clean(data.employer()));
        c.setMobile(clean(data.mobile()));
        c.setEmail(clean(data.email()));
        c.setAddress(clean(data.address()));
        c.setPostcode(clean(data.postcode()));
        c.setProfileUpdatedAt(LocalDateTime.now(clock));
    }

    /** Bundle keys of the required fields still missing; empty when the profile is complete. */
    public List<String> missingFields(@NotNull String idNumber) {
        Candidate c = candidate(idNumber);
        List<String> missing = new ArrayList<>();
        require(missing, c.getName(), "profile.field.name");
        require(missing, c.getEthnicity(), "profile.field.ethnicity");
        require(missing, c.getPoliticalStatus(), "profile.field.politicalStatus");
        require(missing, c.getEducation(), "profile.field.education");
        require(missing, c.getSchool(), "profile.field.school");
        require(missing, c.getGraduationDate(), "profile.field.graduationDate");
        require(missing, c.getMobile(), "profile.field.mobile");
        require(missing, c.getAddress(), "profile.field.address");
        return missing;
    }

    private Candidate candidate(String idNumber) {
        return candidates.findByIdNumber(idNumber).orElseThrow(() -> new NotFoundException("candidate.notFound"));
    }

    private static void require(List<String> missing, Object value, String key) {
        if (value == null) {
            missing.add(key);
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
