package org.kaowu.web.view.candidate;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.Gender;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.candidate.image.ImageNormalizer;
import org.kaowu.domain.candidate.image.UploadedImage;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;
import org.kaowu.web.BundleMessageResolver;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /candidate/profile} — 个人信息 (manual section 3): the text fields, the ID photo and the two scans.
 * <p>
 * An upload is checked at once ({@link ProfileService#check}) and kept here as <em>pending</em>, shown from a
 * {@code data:} URI; nothing is stored until 保存, which hands text and pending images to
 * {@link ProfileService#save(String, ProfileData, Map)} so that they commit together. An image that is too
 * large, too big, landscape or of the wrong ratio gets an "自动调整" proposal ({@link ProfileService#normalize})
 * that the candidate accepts or rejects in a dialog.
 * <p>
 * The candidate is always the logged-in caller; no id is ever taken from the request.
 */
@Named("candidateProfileBacking")
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Raw uploads above this are refused without decoding: the largest file 自动调整 accepts. The browser
     * refuses such files before sending (profile.js) and web.xml's multipart limit (the same 20 MB) stops
     * anything bigger before it is read; this check is the last line.
     */
    public static final long MAX_UPLOAD_BYTES = ImageNormalizer.MAX_SOURCE_BYTES;

    /** The image problems that 自动调整 can fix (size in bytes or pixels, orientation, ratio). */
    static final Set<String> ADJUSTABLE = Set.of("image.tooLarge", "image.tooBig", "image.notPortrait", "image.wrongRatio");

    /** ProfileData components, in form order, each with a {@code candidate.profile.invalid.*} message. */
    static final List<String> FIELDS = List.of("name", "ethnicity", "politicalStatus", "education", "major", "school",
            "graduationDate", "employer", "mobile", "email", "address", "postcode");

    @EJB
    private ProfileService profiles;
    @EJB
    private AccountService accounts;
    @Inject
    private SecurityContext securityContext;
    @Inject
    private BundleMessageResolver bundle;

    // read-only, from the ID number
    private String idNumber;
    private Gender gender;
    private LocalDate birthDate;

    // the form
    private String name;
    private String ethnicity;
    private String politicalStatus;
    private String education;
    private String major;
    private String school;
    private YearMonth graduation;
    private String employer;
    private String mobile;
    private String email;
    private String address;
    private String postcode;

    private List<String> missing = List.of();
    private final Map<ImageKind, Picture> stored = new EnumMap<>(ImageKind.class);
    private final Map<ImageKind, Picture> pending = new EnumMap<>(ImageKind.class);

    // the open 自动调整 proposal
    private ImageKind adjustKind;
    private Picture adjusted;
    private int adjustSourceBytes;
    private String adjustReason;

    /**
     * The stored profile and images of the caller, once per view. (Not an f:viewAction: the candidate template
     * has no metadata slot in its f:view, and JSF ignores f:metadata anywhere else.)
     */
    @PostConstruct
    void load() {
        String caller = caller();
        Candidate candidate = accounts.byIdNumber(caller);
        idNumber = candidate.getIdNumber();
        gender = candidate.getGender();
        birthDate = candidate.getBirthDate();
        ProfileData data = profiles.profile(caller);
        name = data.name();
        ethnicity = data.ethnicity();
        politicalStatus = data.politicalStatus();
        education = data.education();
        major = data.major();
        school = data.school();
        graduation = data.graduationDate() == null ? null : YearMonth.from(data.graduationDate());
        employer = data.employer();
        mobile = data.mobile();
        email = data.email();
        address = data.address();
        postcode = data.postcode();
        refresh(caller);
    }

    /** 保存 — text and pending images in one transaction; on any problem nothing is stored. */
    public void save() {
        String caller = caller();
        ProfileData data = new ProfileData(name, ethnicity, politicalStatus, education, major, school,
                graduation == null ? null : graduation.atDay(1), employer, mobile, email, address, postcode);
        Map<ImageKind, byte[]> images = new EnumMap<>(ImageKind.class);
        pending.forEach((kind, picture) -> images.put(kind, picture.bytes));
        try {
            profiles.save(caller, data, images);
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return;
        } catch (EJBException | ConstraintViolationException e) {
            // The page's validators mirror ProfileData; should a value still get past them, the service's Bean
            // Validation refuses it (wrapped in an EJBException) and the candidate hears which field is wrong.
            ConstraintViolationException violation = constraintViolation(e).orElseThrow(() -> e);
            invalidFields(violation).forEach(field -> Messages.addGlobalError("candidate.profile.invalid." + field));
            return;
        }
        pending.clear();
        refresh(caller);
        Messages.addGlobalInfo("candidate.profile.saved");
    }

    public void uploadPhoto(FileUploadEvent event) {
        upload(ImageKind.PHOTO, event.getFile());
    }

    public void uploadIdCardScan(FileUploadEvent event) {
        upload(ImageKind.ID_CARD_SCAN, event.getFile());
    }

    public void uploadDiplomaScan(FileUploadEvent event) {
        upload(ImageKind.DIPLOMA_SCAN, event.getFile());
    }

    /** 接受 the 自动调整 proposal: it becomes the pending image of its kind. */
    public void acceptAdjusted() {
        if (adjusted != null && adjustKind != null) {
            pending.put(adjustKind, adjusted);
            Messages.addGlobalInfo("candidate.profile.image.pending", label("profile.field.image." + adjustKind.name()));
        }
        closeAdjustment();
    }

    /** 不接受: the proposal is dropped and nothing changes. */
    public void rejectAdjusted() {
        if (adjusted != null) {
            Messages.addGlobalWarn("candidate.profile.adjust.rejected");
        }
        closeAdjustment();
    }

    /** 撤销: forgets the pending image of a kind; the stored one (if any) stays. */
    public void discard(ImageKind kind) {
        pending.remove(kind);
    }

    private void upload(ImageKind kind, UploadedFile file) {
        closeAdjustment();
        if (file == null || file.getSize() <= 0) {
            Messages.addGlobalError("image.empty");
            return;
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            Messages.addGlobalError("candidate.profile.image.fileTooLarge", MAX_UPLOAD_BYTES / (1024 * 1024));
            return;
        }
        byte[] bytes = file.getContent();
        try {
            pending.put(kind, Picture.pending(profiles.check(kind, bytes)));
            Messages.addGlobalInfo("candidate.profile.image.pending", label("profile.field.image." + kind.name()));
        } catch (BusinessException refused) {
            if (ADJUSTABLE.contains(refused.getMessageKey())) {
                offerAdjustment(kind, bytes, refused);
            } else {
                Messages.addGlobalError(refused.getMessageKey(), refused.getArguments());
            }
        }
    }

    /** Opens the 自动调整 dialog with the normalised image, or says why none can be made. */
    private void offerAdjustment(ImageKind kind, byte[] bytes, BusinessException refused) {
        try {
            adjusted = Picture.pending(profiles.normalize(kind, bytes));
        } catch (BusinessException cannot) {
            Messages.addGlobalError(refused.getMessageKey(), refused.getArguments());
            Messages.addGlobalError(cannot.getMessageKey(), cannot.getArguments());
            return;
        }
        adjustKind = kind;
        adjustSourceBytes = bytes.length;
        adjustReason = bundle.getMessage(refused.getMessageKey(), refused.getArguments());
        PrimeFaces.current().executeScript("PF('adjustDialog').show()");
    }

    private void closeAdjustment() {
        adjustKind = null;
        adjusted = null;
        adjustSourceBytes = 0;
        adjustReason = null;
    }

    private void refresh(String caller) {
        stored.clear();
        for (ImageKind kind : ImageKind.values()) {
            profiles.image(caller, kind).ifPresent(image -> stored.put(kind, Picture.stored(image)));
        }
        missing = profiles.missingFields(caller);
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }

    static Optional<ConstraintViolationException> constraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    /** The ProfileData components named by the violations, in form order; "unknown" if none is recognised. */
    static Set<String> invalidFields(ConstraintViolationException e) {
        Set<String> named = new LinkedHashSet<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String last = null;
            for (Path.Node node : v.getPropertyPath()) {
                last = node.getName();
            }
            named.add(last);
        }
        Set<String> fields = FIELDS.stream().filter(named::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        return fields.isEmpty() ? Set.of("unknown") : fields;
    }

    private String label(String key) {
        return bundle.getMessage(key);
    }

    // ---- for the page ---------------------------------------------------------------------------------

    public List<String> getEthnicGroups() {
        return ProfileOptions.withCurrent(ProfileOptions.ETHNIC_GROUPS, ethnicity);
    }

    public List<String> getPoliticalStatuses() {
        return ProfileOptions.withCurrent(ProfileOptions.POLITICAL_STATUSES, politicalStatus);
    }

    public List<String> getEducations() {
        return ProfileOptions.withCurrent(ProfileOptions.EDUCATIONS, education);
    }

    /** Bundle keys of the required fields still missing in what is stored. */
    public List<String> getMissing() {
        return missing;
    }

    /** The missing fields' names, joined for one sentence. */
    public String getMissingText() {
        String separator = label("candidate.profile.missing.separator");
        return missing.stream().map(this::label).collect(Collectors.joining(separator));
    }

    public Slot getPhoto() {
        return new Slot(ImageKind.PHOTO);
    }

    public Slot getIdCardScan() {
        return new Slot(ImageKind.ID_CARD_SCAN);
    }

    public Slot getDiplomaScan() {
        return new Slot(ImageKind.DIPLOMA_SCAN);
    }

    public Picture getAdjusted() {
        return adjusted;
    }

    public String getAdjustLabelKey() {
        return adjustKind == null ? null : "profile.field.image." + adjustKind.name();
    }

    /** Why the upload was refused as it was (the image.* message). */
    public String getAdjustReason() {
        return adjustReason;
    }

    /** Size of the original upload behind the proposal, in K rounded up. */
    public int getAdjustSourceKilobytes() {
        return (adjustSourceBytes + 1023) / 1024;
    }

    public long getMaxUploadBytes() {
        return MAX_UPLOAD_BYTES;
    }

    /** What the browser says when a file over {@link #MAX_UPLOAD_BYTES} is chosen (profile.js). */
    public String getFileTooLargeMessage() {
        return bundle.getMessage("candidate.profile.image.fileTooLarge", MAX_UPLOAD_BYTES / (1024 * 1024));
    }

    public String getIdNumber() { return idNumber; }
    public String getGenderKey() { return gender == null ? null : "candidate.profile.gender." + gender.name(); }
    public LocalDate getBirthDate() { return birthDate; }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
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
    public YearMonth getGraduation() { return graduation; }
    public void setGraduation(YearMonth graduation) { this.graduation = graduation; }
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

    /** One image on the page: the pending one if there is one, else the stored one, else nothing. */
    public final class Slot {

        private final ImageKind kind;

        Slot(ImageKind kind) {
            this.kind = kind;
        }

        public String getKind() {
            return kind.name();
        }

        public String getLabelKey() {
            return "profile.field.image." + kind.name();
        }

        public boolean isPending() {
            return pending.containsKey(kind);
        }

        /** Whether there is anything to show (not "empty": that is an EL keyword). */
        public boolean isPresent() {
            return getShown() != null;
        }

        /** What the page shows for this kind. */
        public Picture getShown() {
            Picture p = pending.get(kind);
            return p != null ? p : stored.get(kind);
        }

        /** Where the shown picture comes from: a data: URI (pending) or our servlet (stored, cache-busted). */
        public String getSrc() {
            Picture p = pending.get(kind);
            if (p != null) {
                return p.dataUri();
            }
            Picture s = stored.get(kind);
            return s == null ? null
                    : Faces.getRequestContextPath() + ImageServlet.PATH + kind.name() + "?v=" + s.version;
        }
    }

    /** A checked JPEG as the page shows it; the bytes are kept only while pending. */
    public static final class Picture implements Serializable {

        private static final long serialVersionUID = 1L;

        private final byte[] bytes;
        private final int width;
        private final int height;
        private final int size;
        private final String version;

        private Picture(byte[] bytes, int width, int height, int size, String version) {
            this.bytes = bytes;
            this.width = width;
            this.height = height;
            this.size = size;
            this.version = version;
        }

        static Picture pending(UploadedImage image) {
            return new Picture(image.bytes(), image.width(), image.height(), image.size(), null);
        }

        static Picture stored(UploadedImage image) {
            // a content hash as the cache-busting query: a new image always gets a new URL
            return new Picture(null, image.width(), image.height(), image.size(),
                    Integer.toHexString(Arrays.hashCode(image.bytes())));
        }

        public String dataUri() {
            return bytes == null ? null : "data:" + UploadedImage.CONTENT_TYPE + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }

        public String getDataUri() {
            return dataUri();
        }

        public int getWidth() { return width; }
        public int getHeight() { return height; }

        /** Size in K, rounded up as the 100K rule is judged. */
        public int getKilobytes() {
            return (size + 1023) / 1024;
        }
    }
}
