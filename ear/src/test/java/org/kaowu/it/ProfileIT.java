package org.kaowu.it;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.candidate.image.UploadedImage;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.AccountService;
import org.kaowu.service.ProfileData;
import org.kaowu.service.ProfileService;

import java.awt.Color;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 个人信息 (manual section 3) against the database: text and images saved together, or not at all. */
@ExtendWith(ArquillianExtension.class)
class ProfileIT {

    private static final String PASSWORD = "Kaoshi2026";
    private static final List<String> TEXT_KEYS = List.of("profile.field.name", "profile.field.ethnicity",
            "profile.field.politicalStatus", "profile.field.education", "profile.field.school",
            "profile.field.graduationDate", "profile.field.mobile", "profile.field.address");
    private static final List<String> IMAGE_KEYS = List.of("profile.field.image.PHOTO",
            "profile.field.image.ID_CARD_SCAN", "profile.field.image.DIPLOMA_SCAN");

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(ProfileIT.class, ProfileImages.class);
    }

    @Inject
    AccountService accounts;
    @Inject
    ProfileService profiles;

    @Test
    void completeOnlyWithAllTextFieldsAndAllThreeImages() {
        String id = registered();
        List<String> fresh = profiles.missingFields(id);
        assertTrue(fresh.containsAll(TEXT_KEYS), fresh::toString);
        assertTrue(fresh.containsAll(IMAGE_KEYS), fresh::toString);

        ProfileData data = complete();
        profiles.save(id, data);
        assertEquals(data, profiles.profile(id));
        assertEquals(IMAGE_KEYS, profiles.missingFields(id), "text complete, images still missing");

        profiles.save(id, data, Map.of(ImageKind.PHOTO, ProfileImages.photo(Color.BLUE)));
        assertEquals(IMAGE_KEYS.subList(1, 3), profiles.missingFields(id));

        Map<ImageKind, byte[]> scans = new EnumMap<>(ImageKind.class);
        scans.put(ImageKind.ID_CARD_SCAN, ProfileImages.scan(Color.BLUE));
        scans.put(ImageKind.DIPLOMA_SCAN, ProfileImages.scan(Color.RED));
        profiles.save(id, data, scans);
        assertEquals(List.of(), profiles.missingFields(id));

        UploadedImage photo = profiles.image(id, ImageKind.PHOTO).orElseThrow();
        assertEquals(295, photo.width());
        assertEquals(413, photo.height());
        assertEquals("image/jpeg", photo.contentType());
        assertTrue(photo.size() <= ImageKind.MAX_BYTES);
        UploadedImage scan = profiles.image(id, ImageKind.ID_CARD_SCAN).orElseThrow();
        assertEquals(1200, scan.width());
        assertEquals(800, scan.height());

        // an optional field left empty keeps the profile complete; a required one emptied does not
        profiles.save(id, with(data, d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(),
                null, d.school(), d.graduationDate(), null, d.mobile(), null, d.address(), null)));
        assertEquals(List.of(), profiles.missingFields(id));
        profiles.save(id, with(data, d -> new ProfileData("  ", d.ethnicity(), d.politicalStatus(), d.education(),
                d.major(), d.school(), d.graduationDate(), d.employer(), d.mobile(), d.email(), d.address(), d.postcode())));
        assertEquals(List.of("profile.field.name"), profiles.missingFields(id), "blank counts as not filled in");
    }

    @Test
    void aBadImageWithValidTextStoresNothing() {
        String id = registered();
        ProfileData before = complete();
        profiles.save(id, before);
        ProfileData changed = with(before, d -> new ProfileData("李四", d.ethnicity(), d.politicalStatus(), d.education(),
                d.major(), d.school(), d.graduationDate(), d.employer(), TestData.mobile(), d.email(), "北京市东城区",
                d.postcode()));

        Map<ImageKind, byte[]> images = new EnumMap<>(ImageKind.class);
        images.put(ImageKind.PHOTO, ProfileImages.photo(Color.GREEN));
        images.put(ImageKind.DIPLOMA_SCAN, "<html><script>alert(1)</script></html>".getBytes());
        BusinessException notImage = assertThrows(BusinessException.class, () -> profiles.save(id, changed, images));
        assertEquals("image.notImage", notImage.getMessageKey());

        byte[] oversized = ProfileImages.noisyPhotoPng();
        BusinessException tooLarge = assertThrows(BusinessException.class,
                () -> profiles.save(id, changed, Map.of(ImageKind.PHOTO, oversized)));
        assertEquals("image.tooLarge", tooLarge.getMessageKey());

        assertEquals(before, profiles.profile(id), "the text is unchanged");
        for (ImageKind kind : ImageKind.values()) {
            assertTrue(profiles.image(id, kind).isEmpty(), "no image stored: " + kind);
        }
        assertEquals(IMAGE_KEYS, profiles.missingFields(id));
    }

    @Test
    void invalidProfileDataIsRefusedAndChangesNothing() {
        String id = registered();
        ProfileData before = complete();
        profiles.save(id, before);

        List<UnaryOperator<ProfileData>> bad = List.of(
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), d.major(), d.school(),
                        d.graduationDate(), d.employer(), "12345", d.email(), d.address(), d.postcode()),
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), d.major(), d.school(),
                        d.graduationDate(), d.employer(), d.mobile(), "x@", d.address(), d.postcode()),
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), d.major(), d.school(),
                        d.graduationDate(), d.employer(), d.mobile(), d.email(), d.address(), "abc"),
                d -> new ProfileData("<script>alert(1)</script>", d.ethnicity(), d.politicalStatus(), d.education(),
                        d.major(), d.school(), d.graduationDate(), d.employer(), d.mobile(), d.email(), d.address(),
                        d.postcode()),
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), d.major(), d.school(),
                        d.graduationDate(), d.employer(), d.mobile(), d.email(), "x'; DROP TABLE candidate; --",
                        d.postcode()),
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), "专".repeat(101),
                        d.school(), d.graduationDate(), d.employer(), d.mobile(), d.email(), d.address(), d.postcode()));
        for (UnaryOperator<ProfileData> change : bad) {
            ProfileData invalid = change.apply(before);
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> profiles.save(id, invalid, Map.of(ImageKind.PHOTO, ProfileImages.photo(Color.ORANGE))));
            assertTrue(isConstraintViolation(e), () -> "not a constraint violation for " + invalid + ": " + e);
        }
        BusinessException future = assertThrows(BusinessException.class, () -> profiles.save(id, with(before,
                d -> new ProfileData(d.name(), d.ethnicity(), d.politicalStatus(), d.education(), d.major(), d.school(),
                        LocalDate.now().plusYears(3), d.employer(), d.mobile(), d.email(), d.address(), d.postcode()))));
        assertEquals("profile.graduationDateFuture", future.getMessageKey());

        assertEquals(before, profiles.profile(id));
        assertTrue(profiles.image(id, ImageKind.PHOTO).isEmpty());
    }

    @Test
    void imagesAreOnlyEverTheOwners() {
        String a = registered();
        String b = registered();
        profiles.save(a, complete(), Map.of(ImageKind.PHOTO, ProfileImages.photo(Color.BLUE)));
        assertTrue(profiles.image(a, ImageKind.PHOTO).isPresent());
        assertTrue(profiles.image(b, ImageKind.PHOTO).isEmpty(), "B has no photo, and certainly not A's");

        profiles.save(b, complete(), Map.of(ImageKind.PHOTO, ProfileImages.photo(Color.PINK)));
        byte[] photoA = profiles.image(a, ImageKind.PHOTO).orElseThrow().bytes();
        byte[] photoB = profiles.image(b, ImageKind.PHOTO).orElseThrow().bytes();
        assertFalse(Arrays.equals(photoA, photoB));

        // replacing B's photo leaves A's alone
        profiles.save(b, complete(), Map.of(ImageKind.PHOTO, ProfileImages.photo(Color.YELLOW)));
        assertArrayEquals(photoA, profiles.image(a, ImageKind.PHOTO).orElseThrow().bytes());
        assertTrue(profiles.image(a, ImageKind.DIPLOMA_SCAN).isEmpty());
    }

    private String registered() {
        String id = TestData.idNumber();
        accounts.register(id, PASSWORD.toCharArray(), PASSWORD.toCharArray(), TestData.clientAddress());
        return id;
    }

    private static ProfileData complete() {
        return new ProfileData("张三", "汉族", "群众", "大学本科", "计算机科学与技术", "浙江大学", LocalDate.of(2015, 7, 1),
                "杭州某科技有限公司", TestData.mobile(), "zhangsan@example.com", "浙江省杭州市西湖区文三路 100 号", "310000");
    }

    private static ProfileData with(ProfileData data, UnaryOperator<ProfileData> change) {
        return change.apply(data);
    }

    /** Bean Validation on an EJB parameter arrives wrapped (EJBException) or bare, depending on the caller. */
    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
