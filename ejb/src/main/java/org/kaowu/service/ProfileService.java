package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.CandidateImage;
import org.kaowu.domain.candidate.CandidateImageRepository;
import org.kaowu.domain.candidate.CandidateRepository;
import org.kaowu.domain.candidate.image.ImageInspector;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.candidate.image.ImageNormalizer;
import org.kaowu.domain.candidate.image.UploadedImage;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 个人信息 (manual section 3): the candidate's own profile. Always addressed by the logged-in caller's ID
 * number, never by an id from a request.
 */
@Stateless
public class ProfileService {

    @Inject
    private CandidateRepository candidates;
    @Inject
    private CandidateImageRepository images;
    @Inject
    private Clock clock;

    private final ImageInspector inspector = new ImageInspector();
    private final ImageNormalizer normalizer = new ImageNormalizer();

    public ProfileData profile(@NotNull String idNumber) {
        return ProfileData.of(candidate(idNumber));
    }

    /**
     * 保存: stores the profile as given (blank text counts as not filled in) together with any new images,
     * all in one transaction: one bad image and nothing is stored, so a half-saved profile never shows.
     */
    public void save(@NotNull String idNumber, @NotNull @Valid ProfileData data, @NotNull Map<ImageKind, byte[]> newImages) {
        Map<ImageKind, UploadedImage> checked = new EnumMap<>(ImageKind.class);
        newImages.forEach((kind, bytes) -> checked.put(kind, inspector.check(kind, bytes)));
        Candidate candidate = candidate(idNumber);
        saveText(candidate, data);
        LocalDateTime now = LocalDateTime.now(clock);
        checked.forEach((kind, image) -> images.find(candidate, kind).ifPresentOrElse(
                existing -> existing.replaceWith(image, now),
                () -> images.persist(new CandidateImage(candidate, image, now))));
    }

    /** Checks an upload without storing it (decoded, size and pixel rules); throws the specific problem. */
    public UploadedImage check(@NotNull ImageKind kind, byte[] bytes) {
        return inspector.check(kind, bytes);
    }

    /** "自动调整": the image scaled and re-compressed to fit the rules, for the candidate to accept or reject. */
    public UploadedImage normalize(@NotNull ImageKind kind, byte[] bytes) {
        return normalizer.normalize(kind, bytes);
    }

    /** The candidate's own stored image of a kind. */
    public Optional<UploadedImage> image(@NotNull String idNumber, @NotNull ImageKind kind) {
        return images.find(candidate(idNumber), kind).map(CandidateImage::toUploadedImage);
    }

    /** Stores the profile's text fields only. */
    public void save(@NotNull String idNumber, @NotNull @Valid ProfileData data) {
        saveText(candidate(idNumber), data);
    }

    private void saveText(Candidate c, ProfileData data) {
        if (data.graduationDate() != null && data.graduationDate().isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new BusinessException("profile.graduationDateFuture");
        }
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
        List<ImageKind> stored = images.kindsOf(c);
        for (ImageKind kind : ImageKind.values()) {
            if (!stored.contains(kind)) {
                missing.add("profile.field.image." + kind.name());
            }
        }
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
