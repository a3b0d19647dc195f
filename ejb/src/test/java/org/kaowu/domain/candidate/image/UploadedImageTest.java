package org.kaowu.domain.candidate.image;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kaowu.domain.candidate.image.ImageKind.PHOTO;

class UploadedImageTest {

    private static final byte[] JPEG = TestImages.jpeg(TestImages.portrait(300, 420));

    @Test
    void bytesCannotBeChangedFromOutside() {
        byte[] source = JPEG.clone();
        UploadedImage image = new UploadedImage(PHOTO, source, 300, 420);
        source[10]++;
        image.bytes()[11]++;
        assertEquals(Arrays.hashCode(JPEG), Arrays.hashCode(image.bytes()));
    }

    @Test
    void equalByContent() {
        assertEquals(new UploadedImage(PHOTO, JPEG.clone(), 300, 420), new UploadedImage(PHOTO, JPEG.clone(), 300, 420));
    }

    @Test
    void toStringShowsSizeNotBytes() {
        String s = new UploadedImage(PHOTO, JPEG, 300, 420).toString();
        assertEquals("UploadedImage[PHOTO 300x420, " + JPEG.length + " bytes]", s);
        assertFalse(s.contains("[B@"));
    }

    @Test
    void rejectsWhatCannotBeAStoredJpeg() {
        byte[] png = TestImages.png(TestImages.portrait(300, 420));
        assertThrows(IllegalArgumentException.class, () -> new UploadedImage(PHOTO, png, 300, 420));
        assertThrows(IllegalArgumentException.class, () -> new UploadedImage(PHOTO, TestImages.padTo(JPEG, 102_401), 300, 420));
        assertThrows(IllegalArgumentException.class, () -> new UploadedImage(PHOTO, JPEG, 0, 420));
        assertThrows(NullPointerException.class, () -> new UploadedImage(null, JPEG, 300, 420));
    }
}
