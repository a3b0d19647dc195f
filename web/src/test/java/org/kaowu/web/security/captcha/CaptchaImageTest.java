package org.kaowu.web.security.captcha;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptchaImageTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true"); // as on the server: no display
    }

    @Test
    void drawsADecodablePngOfTheAdvertisedSize() throws IOException {
        byte[] png = new CaptchaImage().png("H7KX");

        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO can read it");
        assertEquals(CaptchaImage.WIDTH, image.getWidth());
        assertEquals(CaptchaImage.HEIGHT, image.getHeight());
    }

    @Test
    void theTextIsActuallyDrawn() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new CaptchaImage().png("TEST")));

        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 3 * 160) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 100, "ink on the image: " + dark + " dark pixels");
    }
}
