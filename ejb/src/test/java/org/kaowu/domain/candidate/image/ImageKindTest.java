package org.kaowu.domain.candidate.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kaowu.domain.candidate.image.ImageKind.DIPLOMA_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.ID_CARD_SCAN;
import static org.kaowu.domain.candidate.image.ImageKind.PHOTO;

class ImageKindTest {

    @Test
    void everyKindIsLimitedTo100K() {
        for (ImageKind kind : ImageKind.values()) {
            assertEquals(102_400, kind.maxBytes());
        }
    }

    @Test
    void photoTargetIsOneInchAt300DpiAndMeetsItsOwnRules() {
        assertEquals(295, PHOTO.targetWidth());
        assertEquals(413, PHOTO.targetHeight());
        assertEquals(25.0 / 35.0, PHOTO.aspectRatio().orElseThrow(), 1e-9);
        assertTrue(PHOTO.portraitOnly());
        assertTrue(PHOTO.fitsDimensions(295, 413));
        assertTrue(PHOTO.acceptsAspectRatio(295, 413));
    }

    @Test
    void photoRatioTolerance() {
        assertTrue(PHOTO.acceptsAspectRatio(300, 380));   // 0.789
        assertFalse(PHOTO.acceptsAspectRatio(300, 375));  // 0.800
        assertTrue(PHOTO.acceptsAspectRatio(300, 470));   // 0.638
        assertFalse(PHOTO.acceptsAspectRatio(300, 475));  // 0.632
    }

    @Test
    void scansHaveNoRatioAndAnyOrientation() {
        for (ImageKind kind : new ImageKind[] {ID_CARD_SCAN, DIPLOMA_SCAN}) {
            assertTrue(kind.aspectRatio().isEmpty());
            assertFalse(kind.portraitOnly());
            assertTrue(kind.acceptsAspectRatio(3000, 300));
            assertTrue(kind.fitsDimensions(300, 3000));
            assertFalse(kind.fitsDimensions(299, 3000));
            assertFalse(kind.fitsDimensions(300, 3001));
            assertEquals(1600, kind.targetWidth());
            assertEquals(1600, kind.targetHeight());
        }
    }
}
