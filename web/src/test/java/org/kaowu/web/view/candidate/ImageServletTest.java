package org.kaowu.web.view.candidate;

import org.junit.jupiter.api.Test;
import org.kaowu.domain.candidate.image.ImageKind;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageServletTest {

    @Test
    void exactlyOneSegmentNamingAKind() {
        assertEquals(Optional.of(ImageKind.PHOTO), ImageServlet.kind("/PHOTO"));
        assertEquals(Optional.of(ImageKind.ID_CARD_SCAN), ImageServlet.kind("/ID_CARD_SCAN"));
        assertEquals(Optional.of(ImageKind.DIPLOMA_SCAN), ImageServlet.kind("/DIPLOMA_SCAN"));
        for (String bad : new String[] {null, "", "/", "/photo", "/PHOTO/", "/PHOTO/123", "/../PHOTO", "/OTHER"}) {
            assertEquals(Optional.empty(), ImageServlet.kind(bad), bad);
        }
    }
}
