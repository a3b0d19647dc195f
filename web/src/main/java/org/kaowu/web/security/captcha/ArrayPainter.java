package org.kaowu.web.security.captcha;

import com.github.cage.image.EffectConfig;
import com.github.cage.image.Painter;
import com.github.cage.image.Rippler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.util.Random;

/**
 * Cage's {@link Painter} drawing the same picture for a third less CPU: Cage's ripple moves every pixel through
 * {@code BufferedImage.getRGB/setRGB} on a 3-byte BGR image (a colour-model conversion per pixel, most of the drawing
 * time); here the image is {@code TYPE_INT_RGB} and the same displacement (Cage's own {@link Rippler#calcDeltaArray
 * delta arrays}, drawn from the random source in Cage's order) runs on its pixel array. Blur and text are Cage's.
 * {@code ArrayPainterTest} checks pixel for pixel that the picture equals Cage's for the same random source.
 * Thread-safe as {@link Painter} is.
 */
class ArrayPainter extends Painter {

    private final Random random;

    ArrayPainter(int width, int height, Color background, Quality quality, EffectConfig effects, Random random) {
        super(width, height, background, quality, effects, random);
        this.random = random;
    }

    @Override
    protected BufferedImage createImage() {
        return new BufferedImage(getWidth(), getHeight(), BufferedImage.TYPE_INT_RGB);
    }

    /** Cage's {@code Painter.postProcess}: the same parameters in the same order, the ripple on the pixel array. */
    @Override
    protected BufferedImage postProcess(BufferedImage image) {
        BufferedImage result = image;
        if (getEffectConfig().isRippleEnabled()) {
            Rippler.AxisConfig vertical = new Rippler.AxisConfig(random.nextDouble() * 2 * Math.PI,
                    (1 + random.nextDouble() * 2) * Math.PI, result.getHeight() / 10.0);
            Rippler.AxisConfig horizontal = new Rippler.AxisConfig(random.nextDouble() * 2 * Math.PI,
                    (2 + random.nextDouble() * 2) * Math.PI, result.getWidth() / 100.0);
            result = new ArrayRippler(vertical, horizontal).filter(result, createImage());
        }
        if (getEffectConfig().isBlurEnabled()) {
            float[] blur = new float[9];
            fillBlurArray(blur);
            result = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(result, createImage());
        }
        return result;
    }

    /** {@link Rippler#filter} on the int pixel arrays of two {@code TYPE_INT_RGB} images of the same size. */
    static final class ArrayRippler extends Rippler {

        ArrayRippler(AxisConfig vertical, AxisConfig horizontal) {
            super(vertical, horizontal);
        }

        @Override
        public BufferedImage filter(BufferedImage src, BufferedImage dst) {
            int width = src.getWidth();
            int height = src.getHeight();
            int[] verticalDelta = calcDeltaArray(getVertical(), width);
            int[] horizontalDelta = calcDeltaArray(getHorizontal(), height);
            int[] from = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
            int[] to = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    int ny = (y + verticalDelta[x] + height) % height;
                    int nx = (x + horizontalDelta[ny] + width) % width;
                    to[ny * width + nx] = from[y * width + x];
                }
            }
            return dst;
        }
    }
}
