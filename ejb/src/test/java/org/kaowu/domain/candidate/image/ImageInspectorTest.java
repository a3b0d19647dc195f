package org.kaowu.domain.candidate.image;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaowu.exception.BusinessException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.kaowu.domain.candidate.image.ImageKind.DIPLOMA_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.ID_CARD_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.PHOTO;
import static org.kaowu.domain.candidate.image.TestImages.MAX;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector();

    private void assertRejected(ImageKind kind, byte[] data, String key, Object... arguments) {
        BusinessException e = assertThrows(BusinessException.class, () -> inspector.check(kind, data));
        assertEquals(key, e.getMessageKey());
        assertArrayEquals(arguments, e.getArguments(), () -> "arguments " + Arrays.toString(e.getArguments()));
    }

    /** The output must be a JPEG that decodes to what the record says, within the limit. */
    static BufferedImage assertWellFormed(UploadedImage image, ImageKind kind, int width, int height) {
        assertEquals(kind, image.kind());
        assertEquals(width, image.width());
        assertEquals(height, image.height());
        assertEquals("image/jpeg", image.contentType());
        assertTrue(image.size() <= MAX, () -> "size " + image.size());
        byte[] bytes = image.bytes();
        assertEquals(0xFF, bytes[0] & 0xFF);
        assertEquals(0xD8, bytes[1] & 0xFF);
        BufferedImage decoded = TestImages.read(bytes);
        assertEquals(width, decoded.getWidth());
        assertEquals(height, decoded.getHeight());
        assertFalse(decoded.getColorModel().hasAlpha());
        return decoded;
    }

    @Nested
    class ValidPhotos {

        @Test
        void jpegIsAcceptedAndReencoded() {
            byte[] upload = TestImages.jpeg(TestImages.portrait(300, 420), 0.95f);
            UploadedImage image = inspector.check(PHOTO, upload);
            assertWellFormed(image, PHOTO, 300, 420);
            assertFalse(Arrays.equals(upload, image.bytes()), "must be re-encoded, not passed through");
        }

        @Test
        void pngIsAcceptedAndBecomesJpeg() {
            UploadedImage image = inspector.check(PHOTO, TestImages.png(TestImages.portrait(300, 420)));
            assertWellFormed(image, PHOTO, 300, 420);
        }

        @Test
        void greyJpegIsAccepted() {
            BufferedImage grey = new BufferedImage(300, 420, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = grey.createGraphics();
            g.drawImage(TestImages.portrait(300, 420), 0, 0, null);
            g.dispose();
            assertWellFormed(inspector.check(PHOTO, TestImages.jpeg(grey)), PHOTO, 300, 420);
        }

        @Test
        void exifAndGpsAreDropped() {
            String gps = "GPS 39.9042N 116.4074E Beijing";
            byte[] upload = TestImages.insertSegment(TestImages.jpeg(TestImages.portrait(300, 420)), 0xE1,
                    TestImages.exifPayload(1, gps));
            // Guard: the input really carries both, so the assertions below can fail.
            assertTrue(TestImages.contains(upload, "Exif"));
            assertTrue(TestImages.contains(upload, gps));

            UploadedImage image = inspector.check(PHOTO, upload);

            assertWellFormed(image, PHOTO, 300, 420);
            assertFalse(TestImages.contains(image.bytes(), "Exif"));
            assertFalse(TestImages.contains(image.bytes(), gps));
            assertFalse(TestImages.contains(image.bytes(), "GPS"));
        }

        /** Stored 400×300 with its top in red; orientation 6 means "turn clockwise to view". */
        @Test
        void exifOrientationIsAppliedBeforeItIsDropped() {
            BufferedImage stored = TestImages.plain(400, 300, Color.WHITE);
            Graphics2D g = stored.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, 400, 60);
            g.dispose();
            byte[] sideways = TestImages.jpeg(stored);
            byte[] upload = TestImages.insertSegment(sideways, 0xE1, TestImages.exifPayload(6, "x"));

            BufferedImage out = assertWellFormed(inspector.check(PHOTO, upload), PHOTO, 300, 400);

            assertTrue(TestImages.near(out, 290, 200, Color.RED, 40), "the top turned to the right");
            assertTrue(TestImages.near(out, 10, 200, Color.WHITE, 40));
            assertRejected(PHOTO, sideways, "image.notPortrait", 400, 300);
        }

        @Test
        void transparencyIsFlattenedOntoWhite() {
            BufferedImage argb = new BufferedImage(300, 420, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argb.createGraphics();
            g.setColor(new Color(0, 0, 255, 255));
            g.fillRect(100, 150, 100, 120);
            g.setColor(new Color(0, 0, 0, 128));
            g.fillRect(0, 380, 300, 40);
            g.dispose();
            byte[] upload = TestImages.png(argb);
            assertTrue(TestImages.read(upload).getColorModel().hasAlpha(), "guard: input has alpha");

            BufferedImage out = assertWellFormed(inspector.check(PHOTO, upload), PHOTO, 300, 420);

            assertTrue(TestImages.near(out, 10, 10, Color.WHITE, 8), "transparent became white, not black");
            assertTrue(TestImages.near(out, 150, 210, Color.BLUE, 40));
            assertTrue(TestImages.near(out, 150, 400, new Color(127, 127, 127), 12), "half black on white is grey");
        }

        @Test
        void photoMadeByAnAdobeToolIsNotMistakenForCmyk() {
            // Photoshop's "save for web" adds APP14 with transform 1 (YCbCr) to ordinary colour JPEGs.
            byte[] upload = TestImages.insertSegment(TestImages.jpeg(TestImages.portrait(300, 420)), 0xEE,
                    TestImages.adobePayload(1));
            assertWellFormed(inspector.check(PHOTO, upload), PHOTO, 300, 420);
        }

        @Test
        void dataAfterTheEndOfImageIsTolerated() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(300, 420));
            assertWellFormed(inspector.check(PHOTO, TestImages.padTo(jpeg, jpeg.length + 5000)), PHOTO, 300, 420);
        }

        @Test
        void ratioAndSizeLimitsAreInclusive() {
            assertWellFormed(inspector.check(PHOTO, TestImages.jpeg(TestImages.portrait(150, 210))), PHOTO, 150, 210);
            assertWellFormed(inspector.check(PHOTO, TestImages.jpeg(TestImages.portrait(570, 798))), PHOTO, 570, 798);
            // 300/380 = 0.789 and 300/470 = 0.638: both within 0.714 ± 0.08
            assertWellFormed(inspector.check(PHOTO, TestImages.jpeg(TestImages.portrait(300, 380))), PHOTO, 300, 380);
            assertWellFormed(inspector.check(PHOTO, TestImages.jpeg(TestImages.portrait(300, 470))), PHOTO, 300, 470);
        }
    }

    @Nested
    class Size {

        @Test
        void nullAndZeroBytesAreEmpty() {
            assertRejected(PHOTO, null, "image.empty");
            assertRejected(PHOTO, new byte[0], "image.empty");
        }

        @Test
        void noisyPngOver100KIsTooLargeWithSizeRoundedUp() {
            byte[] upload = TestImages.png(TestImages.noise(1000, 1400, 1));
            assertTrue(upload.length > MAX);
            assertRejected(PHOTO, upload, "image.tooLarge", (upload.length + 1023) / 1024);
        }

        @Test
        void exactly100KIsAcceptedOneByteMoreIsNot() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(300, 420));
            assertWellFormed(inspector.check(PHOTO, TestImages.padTo(jpeg, MAX)), PHOTO, 300, 420);
            assertRejected(PHOTO, TestImages.padTo(jpeg, MAX + 1), "image.tooLarge", 101);
        }

        @Test
        void smallPngWhoseJpegCannotFitIsTooLarge() {
            byte[] upload = TestImages.stripesPng(2000, 2000, 7);
            assertTrue(upload.length < 10 * 1024, "guard: the upload itself is small");
            BusinessException e = assertThrows(BusinessException.class, () -> inspector.check(DIPLOMA_SCAN, upload));
            assertEquals("image.tooLarge", e.getMessageKey());
            assertTrue((Integer) e.getArguments()[0] > 100, "reports the size that would be stored");
        }
    }

    @Nested
    class NotAnImage {

        static Stream<Arguments> disguised() {
            return Stream.of(
                    arguments("HTML named .jpg", TestImages.ascii("<html><body><script>alert(1)</script></body></html>")),
                    arguments("HTML with BOM", TestImages.ascii("\u00EF\u00BB\u00BF<!DOCTYPE html><html></html>")),
                    arguments("SVG", TestImages.ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
                            + " width=\"300\" height=\"420\"><script>alert(1)</script></svg>")),
                    arguments("bare SVG", TestImages.ascii("<svg onload=\"alert(1)\"/>")),
                    arguments("ELF executable", TestImages.ascii("\u007FELF\u0002\u0001\u0001\u0000\u0000\u0000")),
                    arguments("Windows executable", TestImages.ascii("MZ\u0090\u0000\u0003\u0000\u0000\u0000PE\u0000\u0000")),
                    arguments("PDF", TestImages.ascii("%PDF-1.7\n1 0 obj")),
                    arguments("WebP", TestImages.ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ")),
                    arguments("GIF", TestImages.write(TestImages.portrait(300, 420), "gif")),
                    arguments("BMP", TestImages.write(TestImages.portrait(300, 420), "bmp")),
                    arguments("two bytes of JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8}),
                    arguments("PNG signature cut short", Arrays.copyOf(TestImages.pngSignature(), 7)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("disguised")
        void isRejectedByItsBytes(String description, byte[] data) {
            for (ImageKind kind : ImageKind.values()) {
                assertRejected(kind, data, "image.notImage");
            }
        }

        @Test
        void aFormatImageIoCouldReadIsStillRefused() {
            byte[] gif = TestImages.write(TestImages.portrait(300, 420), "gif");
            assertEquals(300, TestImages.read(gif).getWidth(), "guard: ImageIO itself would take it");
            assertRejected(PHOTO, gif, "image.notImage");
        }
    }

    @Nested
    class Corrupt {

        @Test
        void jpegCutInHalf() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(300, 420));
            assertRejected(PHOTO, Arrays.copyOf(jpeg, jpeg.length / 2), "image.corrupt");
        }

        @Test
        void jpegMissingOnlyItsEndMarker() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(300, 420));
            assertRejected(PHOTO, Arrays.copyOf(jpeg, jpeg.length - 2), "image.corrupt");
        }

        /** The end marker is intact, so only the decoder's warning can tell: it must count as an error. */
        @Test
        void jpegWithScanDataMissingInTheMiddle() {
            byte[] jpeg = TestImages.jpeg(TestImages.noise(300, 420, 3));
            int third = jpeg.length / 3;
            byte[] damaged = TestImages.concat(Arrays.copyOf(jpeg, third),
                    Arrays.copyOfRange(jpeg, 2 * third, jpeg.length));
            assertRejected(PHOTO, damaged, "image.corrupt");
        }

        @Test
        void jpegCutInsideTheHeader() {
            byte[] jpeg = TestImages.jpeg(TestImages.portrait(300, 420));
            assertRejected(PHOTO, Arrays.copyOf(jpeg, 100), "image.corrupt");
        }

        @Test
        void jpegMagicFollowedByHtml() {
            assertRejected(PHOTO, TestImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                    TestImages.ascii("<html></html>")), "image.corrupt");
        }

        @Test
        void pngCutInHalf() {
            byte[] png = TestImages.png(TestImages.portrait(300, 420));
            assertRejected(PHOTO, Arrays.copyOf(png, png.length / 2), "image.corrupt");
        }

        @Test
        void pngWithWrongHeaderChecksum() {
            byte[] png = TestImages.png(TestImages.portrait(300, 420));
            png[29]++; // last byte of the IHDR CRC
            assertRejected(PHOTO, png, "image.corrupt");
        }

        @Test
        void pngWithoutImageData() {
            byte[] png = TestImages.concat(TestImages.pngSignature(),
                    TestImages.pngChunk("IHDR", TestImages.ihdr(300, 420, 8, 2)), TestImages.pngChunk("IEND", new byte[0]));
            assertRejected(PHOTO, png, "image.corrupt");
        }
    }

    @Nested
    class DecompressionBombs {

        @Test
        void pngClaiming100000SquaredIsRejectedQuicklyWithoutDecoding() {
            byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
            assertTrue(bomb.length < 200, "guard: the file is tiny");
            BusinessException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> assertThrows(BusinessException.class, () -> inspector.check(DIPLOMA_SCAN, bomb)));
            assertEquals("image.dimensionsTooLarge", e.getMessageKey());
            assertArrayEquals(new Object[] {100_000, 100_000}, e.getArguments());
        }

        @Test
        void jpegClaiming65000SquaredIsRejected() {
            byte[] bomb = TestImages.withFrameSize(TestImages.jpeg(TestImages.portrait(300, 420)), 65_000, 65_000);
            assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> assertRejected(PHOTO, bomb, "image.dimensionsTooLarge", 65_000, 65_000));
        }

        @Test
        void sideLimitAndPixelLimitBothApply() {
            assertRejected(ID_CARD_SCAN, TestImages.pngClaiming(6001, 400), "image.dimensionsTooLarge", 6001, 400);
            assertRejected(ID_CARD_SCAN, TestImages.pngClaiming(5500, 5500), "image.dimensionsTooLarge", 5500, 5500);
        }

        @Test
        void justWithinTheLimitsTheKindsOwnRuleDecidesBeforeDecoding() {
            // 5000×6000 = 30 MP exactly; the file has no real pixel data, so "tooBig" proves nothing was decoded.
            assertRejected(PHOTO, TestImages.pngClaiming(5000, 6000), "image.tooBig", 600, 800);
        }
    }

    @Nested
    class Colour {

        @Test
        void cmykJpegIsNamedAsSuch() {
            assertRejected(PHOTO, TestImages.cmykJpeg(300, 420), "image.cmyk");
        }

        @Test
        void ycckJpegWithAdobeMarkerIsNamedAsCmyk() {
            byte[] ycck = TestImages.insertSegment(TestImages.cmykJpeg(300, 420), 0xEE, TestImages.adobePayload(2));
            assertRejected(PHOTO, ycck, "image.cmyk");
        }

        @Test
        void twelveBitJpegIsUnsupported() {
            assertRejected(PHOTO, TestImages.withPrecision(TestImages.jpeg(TestImages.portrait(300, 420)), 12),
                    "image.unsupportedColour");
        }

        @Test
        void twoComponentJpegIsUnsupported() {
            assertRejected(PHOTO, TestImages.withTwoComponents(TestImages.jpeg(TestImages.portrait(300, 420))),
                    "image.unsupportedColour");
        }
    }

    @Nested
    class PhotoRules {

        @Test
        void landscapeIsNotPortrait() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(500, 400)), "image.notPortrait", 500, 400);
        }

        @Test
        void squareIsNotPortrait() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(400, 400)), "image.notPortrait", 400, 400);
        }

        @Test
        void tooSmall() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(140, 196)), "image.tooSmall", 150, 200);
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(150, 199)), "image.tooSmall", 150, 200);
        }

        @Test
        void tooBig() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(610, 854)), "image.tooBig", 600, 800);
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(560, 801)), "image.tooBig", 600, 800);
        }

        @Test
        void wrongRatio() {
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(300, 340)), "image.wrongRatio", 300, 340);
            assertRejected(PHOTO, TestImages.jpeg(TestImages.portrait(300, 500)), "image.wrongRatio", 300, 500);
        }
    }

    @Nested
    class ScanRules {

        @ParameterizedTest
        @EnumSource(value = ImageKind.class, names = {"ID_CARD_SCAN", "DIPLOMA_SCAN"})
        void eitherOrientationIsAccepted(ImageKind kind) {
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.portrait(1200, 800))), kind, 1200, 800);
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.portrait(800, 1200))), kind, 800, 1200);
            // Landscape and no particular ratio: refused as a photo, fine as a scan.
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.portrait(400, 300))), kind, 400, 300);
        }

        @ParameterizedTest
        @EnumSource(value = ImageKind.class, names = {"ID_CARD_SCAN", "DIPLOMA_SCAN"})
        void limitsAreInclusive(ImageKind kind) {
            Color paper = new Color(250, 248, 240);
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.plain(300, 300, paper))), kind, 300, 300);
            // Not 3000×3000: even a blank JPEG costs about a byte per 8×8 block, 139K at that size.
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.plain(3000, 1000, paper))), kind, 3000, 1000);
            assertWellFormed(inspector.check(kind, TestImages.jpeg(TestImages.plain(1000, 3000, paper))), kind, 1000, 3000);
        }

        @ParameterizedTest
        @EnumSource(value = ImageKind.class, names = {"ID_CARD_SCAN", "DIPLOMA_SCAN"})
        void outsideTheLimits(ImageKind kind) {
            Color paper = new Color(250, 248, 240);
            assertRejected(kind, TestImages.jpeg(TestImages.plain(299, 800, paper)), "image.tooSmall", 300, 300);
            assertRejected(kind, TestImages.jpeg(TestImages.plain(800, 299, paper)), "image.tooSmall", 300, 300);
            assertRejected(kind, TestImages.jpeg(TestImages.plain(3001, 900, paper)), "image.tooBig", 3000, 3000);
            assertRejected(kind, TestImages.jpeg(TestImages.plain(900, 3001, paper)), "image.tooBig", 3000, 3000);
        }
    }
}
