package org.kaowu.domain.candidate.image;

import org.kaowu.exception.BusinessException;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * 图片自动调整 — beyond the manual: an image that is too large in bytes or too big in pixels is offered back
 * normalised instead of only being refused. The photo is centre-cropped to 25:35 and scaled to 295×413 px;
 * a scan keeps its ratio and is scaled to fit 1600 px. The result is re-encoded at falling quality until it
 * fits into 100K. Nothing is ever scaled up: a blurry image made bigger only looks acceptable.
 * <p>
 * The user should see the result before it is saved, since cropping may cut off part of a photo. The same
 * safety checks as in {@link ImageInspector} run first (format, corruption, decompression bomb, CMYK); they
 * are the inspector's own code, not a copy. Stateless and thread-safe.
 */
public class ImageNormalizer {

    /**
     * Largest upload accepted for normalising, far above a phone's 12 MP JPEG. The pixel limits already stop
     * bombs; this only keeps one request from holding an absurd array (the bundle text names 20M).
     */
    public static final int MAX_SOURCE_BYTES = 20 * 1024 * 1024;

    static final int HIGHEST_QUALITY_PERCENT = 90;

    /** Below 0.5 JPEG blocks and ringing around text become visible; better to ask the user. */
    static final int LOWEST_QUALITY_PERCENT = 50;

    /**
     * Decoding skips pixels only down to four times the output size, so the filtering in
     * {@link ImageOps#downscale} still has enough pixels to average and skipped pixels cause no moiré.
     */
    static final int SUPERSAMPLING = 4;

    /**
     * A scan that does not fit even at the lowest quality is made smaller in these steps (1600, 1360,
     * 1156 px); below about 1000 px the certificate number and the seal get hard to read for a reviewer.
     */
    static final double SHRINK_FACTOR = 0.85;
    static final int MIN_SCAN_LONG_SIDE = 1000;

    /**
     * Normalises {@code data} for {@code kind}.
     *
     * @return a JPEG that passes {@link ImageInspector#check} for the same kind
     * @throws BusinessException with key {@code image.empty}; {@code image.notImage};
     *                           {@code image.sourceTooLarge} (limit in MB); {@code image.corrupt};
     *                           {@code image.dimensionsTooLarge}; {@code image.cmyk};
     *                           {@code image.unsupportedColour}; {@code image.tooSmall} (minimum width,
     *                           minimum height; judged after cropping); {@code image.cannotNormalize}
     */
    public UploadedImage normalize(ImageKind kind, byte[] data) {
        Objects.requireNonNull(kind, "kind");
        ImageInspector.requireNotEmpty(data);
        if (ImageHeader.sniff(data) == null) {
            throw new BusinessException("image.notImage");
        }
        if (data.length > MAX_SOURCE_BYTES) {
            throw new BusinessException("image.sourceTooLarge", MAX_SOURCE_BYTES / (1024 * 1024));
        }
        ImageHeader header = ImageInspector.readHeader(data);

        // Everything below is planned on the displayed (EXIF-oriented) size, before any pixel is decoded.
        int width = header.displayWidth();
        int height = header.displayHeight();
        int cropWidth = width;
        int cropHeight = height;
        OptionalDouble ratio = kind.aspectRatio();
        if (ratio.isPresent()) {
            if ((double) width / height > ratio.getAsDouble()) {
                cropWidth = (int) Math.round(height * ratio.getAsDouble());
            } else {
                cropHeight = (int) Math.round(width / ratio.getAsDouble());
            }
        }
        if (cropWidth < kind.minWidth() || cropHeight < kind.minHeight()) {
            throw new BusinessException("image.tooSmall", kind.minWidth(), kind.minHeight());
        }
        int[] size = outputSize(kind, cropWidth, cropHeight);

        BufferedImage decoded = ImageInspector.decode(data, header, storedRegion(header, cropWidth, cropHeight),
                Math.max(1, Math.min(cropWidth / (SUPERSAMPLING * size[0]), cropHeight / (SUPERSAMPLING * size[1]))));
        BufferedImage rgb = ImageOps.orient(ImageOps.toOpaqueRgb(decoded), header.orientation());
        return encode(kind, rgb, size[0], size[1]);
    }

    /** The photo goes to its exact target (or stays as cropped if smaller); a scan fits the target box. */
    private static int[] outputSize(ImageKind kind, int cropWidth, int cropHeight) {
        if (kind.aspectRatio().isPresent()) {
            boolean larger = cropWidth > kind.targetWidth() || cropHeight > kind.targetHeight();
            return larger ? new int[] {kind.targetWidth(), kind.targetHeight()} : new int[] {cropWidth, cropHeight};
        }
        double scale = Math.min(1.0, Math.min((double) kind.targetWidth() / cropWidth,
                (double) kind.targetHeight() / cropHeight));
        // A very long, thin scan would lose its short side below the minimum; keep that side at the minimum.
        scale = Math.max(scale, Math.max((double) kind.minWidth() / cropWidth, (double) kind.minHeight() / cropHeight));
        int outWidth = (int) Math.round(cropWidth * scale);
        int outHeight = (int) Math.round(cropHeight * scale);
        if (!kind.fitsDimensions(outWidth, outHeight)) {
            throw new BusinessException("image.cannotNormalize"); // e.g. a 6000×400 strip: no size fits
        }
        return new int[] {outWidth, outHeight};
    }

    /**
     * The centred crop in stored pixels, or null for the whole image. A centred rectangle stays centred under
     * every EXIF rotation and mirroring; only width and height swap for the 90-degree ones.
     */
    private static Rectangle storedRegion(ImageHeader header, int cropWidth, int cropHeight) {
        int regionWidth = header.swapsAxes() ? cropHeight : cropWidth;
        int regionHeight = header.swapsAxes() ? cropWidth : cropHeight;
        if (regionWidth == header.width() && regionHeight == header.height()) {
            return null;
        }
        return new Rectangle((header.width() - regionWidth) / 2, (header.height() - regionHeight) / 2,
                regionWidth, regionHeight);
    }

    private static UploadedImage encode(ImageKind kind, BufferedImage rgb, int width, int height) {
        // The photo's size is a print standard and never shrinks; a scan only has to stay legible.
        boolean mayShrink = kind.aspectRatio().isEmpty();
        int w = width;
        int h = height;
        while (true) {
            BufferedImage scaled = ImageOps.downscale(rgb, w, h);
            byte[] jpeg = ImageOps.encodeWithin(scaled, kind.maxBytes(), HIGHEST_QUALITY_PERCENT, LOWEST_QUALITY_PERCENT);
            if (jpeg.length <= kind.maxBytes()) {
                return new UploadedImage(kind, jpeg, w, h);
            }
            int nextW = (int) Math.round(w * SHRINK_FACTOR);
            int nextH = (int) Math.round(h * SHRINK_FACTOR);
            if (!mayShrink || Math.max(nextW, nextH) < MIN_SCAN_LONG_SIDE || !kind.fitsDimensions(nextW, nextH)) {
                throw new BusinessException("image.cannotNormalize");
            }
            w = nextW;
            h = nextH;
        }
    }
}
