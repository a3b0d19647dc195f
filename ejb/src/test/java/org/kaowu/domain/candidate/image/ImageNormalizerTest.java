package org.kaowu.domain.candidate.image;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kaowu.exception.BusinessException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaowu.domain.candidate.image.ImageInspectorTest.assertWellFormed;
import static org.kaowu.domain.candidate.image.ImageKind.DIPLOMA_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.ID_CARD_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.PHOTO;
import static org.kaowu.domain.candidate.image.TestImages.MAX;

class ImageNormalizerTest {

    private final ImageNormalizer normalizer = new ImageNormalizer();
    private final ImageInspector inspector = new ImageInspector();

    private void assertRejected(ImageKind kind, byte[] data, String key, Object... arguments) {
        BusinessException e = assertThrows(BusinessException.class, () -> normalizer.normalize(kind, data));
        assertEquals(key, e.getMessageKey());
        assertArrayEquals(arguments, e.getArguments(), () -> "arguments " + Arrays.toString(e.getArguments()));
    }

    /** What the normaliser offers must pass the inspector unchanged in size: that is its whole point. */
    private BufferedImage assertAccepted(UploadedImage image, ImageKind kind, int width, int height) {
        BufferedImage decoded = assertWellFormed(image, kind, width, height);
        UploadedImage again = inspector.check(kind, image.bytes());
        assertEquals(width, again.width());
        assertEquals(height, again.height());
        return decoded;
    }

    @Nested
    class Photos {

        @Test
        void oversizedNoisyPngIsRefusedByTheInspectorThenNormalised() {
            byte[] upload = TestImages.png(TestImages.noise(1000, 1400, 1));
            BusinessException refused = assertThrows(BusinessException.class, () -> inspector.check(PHOTO, upload));
            assertEquals("image.tooLarge", refused.getMessageKey());

            UploadedImage image = normalizer.normalize(PHOTO, upload);

            assertAccepted(image, PHOTO, 295, 413);
            assertTrue(image.size() <= MAX);
        }

        @Test
        void largeCameraPhotoIsScaledTo1InchAt300Dpi() {
            byte[] upload = TestImages.jpeg(TestImages.portrait(3000, 4000), 0.95f);
            assertAccepted(normalizer.normalize(PHOTO, upload), PHOTO, 295, 413);
        }

        /** Blue outer bands, red middle: a centre crop of 1200×800 to 25:35 keeps x 315..885, all red. */
        @Test
        void landscapeIsCentreCropped() {
            BufferedImage landscape = TestImages.plain(1200, 800, Color.RED);
            Graphics2D g = landscape.createGraphics();
            g.setColor(Color.BLUE);
            g.fillRect(0, 0, 290, 800);
            g.fillRect(910, 0, 290, 800);
            g.dispose();
            byte[] upload = TestImages.jpeg(landscape);
            assertThrows(BusinessException.class, () -> inspector.check(PHOTO, upload));

            BufferedImage out = assertAccepted(normalizer.normalize(PHOTO, upload), PHOTO, 295, 413);

            for (int x : new int[] {3, 147, 291}) {
                assertTrue(TestImages.near(out, x, 206, Color.RED, 40), "red at x=" + x);
            }
        }

        /**
         * Stored 1600×1000, orientation 6 (viewed turned clockwise, 1000×1600). Stored top rows (red) show on
         * the right; stored left columns (green) show at the top, and the 25:35 crop of the displayed
         * picture removes 100 px at top and bottom — so the green must be gone.
         */
        @Test
        void exifOrientationIsAppliedAndTheCropFollowsIt() {
            BufferedImage stored = TestImages.plain(1600, 1000, Color.WHITE);
            Graphics2D g = stored.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, 1600, 100);
            g.setColor(Color.GREEN);
            g.fillRect(0, 100, 90, 900);
            g.dispose();
            byte[] upload = TestImages.insertSegment(TestImages.jpeg(stored), 0xE1,
                    TestImages.exifPayload(6, "GPS 31.2304N 121.4737E"));

            UploadedImage image = normalizer.normalize(PHOTO, upload);

            BufferedImage out = assertAccepted(image, PHOTO, 295, 413);
            assertTrue(TestImages.near(out, 292, 206, Color.RED, 40), "stored top is on the right");
            assertTrue(TestImages.near(out, 10, 206, Color.WHITE, 40));
            assertTrue(TestImages.near(out, 147, 2, Color.WHITE, 40), "the green columns were cropped away");
            assertFalse(TestImages.contains(image.bytes(), "Exif"));
            assertFalse(TestImages.contains(image.bytes(), "GPS"));
        }

        @Test
        void smallPhotoIsCroppedButNeverScaledUp() {
            assertAccepted(normalizer.normalize(PHOTO, TestImages.jpeg(TestImages.portrait(200, 280))), PHOTO, 200, 280);
            // 240×280 is too wide for 25:35; cropped to 200×280, still not enlarged.
            assertAccepted(normalizer.normalize(PHOTO, TestImages.jpeg(TestImages.portrait(240, 280))), PHOTO, 200, 280);
        }

        @Test
        void tooSmallToCropIsRefused() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(140, 196)), "image.tooSmall", 150, 200);
            // Landscape 400×200 crops to 143×200, narrower than 150.
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(400, 200)), "image.tooSmall", 150, 200);
        }

        @Test
        void transparencyBecomesWhite() {
            BufferedImage argb = new BufferedImage(600, 840, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argb.createGraphics();
            g.setColor(Color.BLUE);
            g.fillOval(200, 200, 200, 300);
            g.dispose();

            BufferedImage out = assertAccepted(normalizer.normalize(PHOTO, TestImages.png(argb)), PHOTO, 295, 413);

            assertTrue(TestImages.near(out, 5, 5, Color.WHITE, 8));
            assertTrue(TestImages.near(out, 147, 172, Color.BLUE, 40));
        }

        @Test
        void normalisingTwiceGivesTheSameSize() {
            UploadedImage once = normalizer.normalize(PHOTO, TestImages.png(TestImages.noise(700, 900, 5)));
            assertAccepted(normalizer.normalize(PHOTO, once.bytes()), PHOTO, 295, 413);
        }
    }

    @Nested
    class Scans {

        @ParameterizedTest
        @EnumSource(value = ImageKind.class, names = {"ID_CARD_SCAN", "DIPLOMA_SCAN"})
        void keepRatioAndFit1600(ImageKind kind) {
            assertAccepted(normalizer.normalize(kind, TestImages.png(TestImages.portrait(4000, 2500))), kind, 1600, 1000);
            assertAccepted(normalizer.normalize(kind, TestImages.png(TestImages.portrait(2480, 3508))), kind, 1131, 1600);
        }

        @Test
        void smallScanIsNotScaledUp() {
            assertAccepted(normalizer.normalize(ID_CARD_SCAN, TestImages.jpeg(TestImages.portrait(900, 600))),
                    ID_CARD_SCAN, 900, 600);
        }

        /** Black bars on white stand in for text, which JPEG finds expensive: it must shrink, not give up. */
        @Test
        void textHeavyScanShrinksInStepsWhenQualityAloneIsNotEnough() {
            byte[] upload = TestImages.png(TestImages.document(3200, 2000, 11));

            UploadedImage image = normalizer.normalize(DIPLOMA_SCAN, upload);

            assertTrue(image.size() <= MAX);
            assertTrue(image.width() < 1600 && image.width() >= ImageNormalizer.MIN_SCAN_LONG_SIDE,
                    () -> "width " + image.width());
            assertEquals(1.6, (double) image.width() / image.height(), 0.01, "ratio kept");
            assertAccepted(image, DIPLOMA_SCAN, image.width(), image.height());
        }

        @Test
        void scanTooSmallIsRefused() {
            assertRejected(ID_CARD_SCAN, TestImages.jpeg(TestImages.portrait(250, 400)), "image.tooSmall", 300, 300);
        }

        @Test
        void stripTooLongForAnySizeCannotBeNormalised() {
            // 6000×400: fitting 1600 px makes the short side 107; keeping it at 300 makes the long one 4500.
            assertRejected(ID_CARD_SCAN, TestImages.pngClaiming(6000, 400), "image.cannotNormalize");
        }

        @Test
        void incompressibleScanCannotBeNormalised() {
            assertRejected(DIPLOMA_SCAN, TestImages.stripesPng(2000, 2000, 7), "image.cannotNormalize");
        }
    }

    /** The inspector's safety checks, reached through the normaliser. */
    @Nested
    class SharedSafetyChecks {

        @Test
        void empty() {
            assertRejected(PHOTO, null, "image.empty");
            assertRejected(PHOTO, new byte[0], "image.empty");
        }

        @Test
        void notAnImage() {
            assertRejected(PHOTO, TestImages.ascii("<html><body></body></html>"), "image.notImage");
            assertRejected(PHOTO, TestImages.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image.notImage");
        }

        @Test
        void truncated() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(1000, 1400));
            assertRejected(PHOTO, Arrays.copyOf(jpeg, jpeg.length / 2), "image.corrupt");
        }

        @Test
        void bomb() {
            byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
            assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> assertRejected(PHOTO, bomb, "image.dimensionsTooLarge", 100_000, 100_000));
        }

        @Test
        void cmyk() {
            assertRejected(PHOTO, TestImages.cmykJpeg(600, 840), "image.cmyk");
        }

        @Test
        void uploadOver20MIsRefusedBeforeParsing() {
            byte[] huge = TestImages.padTo(TestImages.pngSignature(), ImageNormalizer.MAX_SOURCE_BYTES + 1);
            assertRejected(PHOTO, huge, "image.sourceTooLarge", 20);
        }
    }
}
