package org.kaowu.domain.candidate.image;

import java.util.OptionalDouble;

/**
 * 上传图片类型 — the kinds of image a candidate uploads, each with the rules of the candidate manual. Every
 * uploaded image must be no larger than 100K (所有上传图片不得大于100K); the pixel limits are ours, chosen
 * so that a reviewer can read the image on screen and the manual's limit can be met without mush.
 */
public enum ImageKind {

    /**
     * 个人证件照 — the ID photo, portrait, close to the 25:35 of a 1-inch photo (一寸照). It is normalised to
     * 295×413 px, exactly 1 inch at 300 dpi, so that it prints at the right size on the admission ticket.
     */
    PHOTO(150, 600, 200, 800, 25.0 / 35.0, 295, 413),

    /** 身份证扫描件 — front and back of the ID card in one image, in either orientation. */
    ID_CARD_SCAN(300, 3000, 300, 3000, Double.NaN, 1600, 1600),

    /** 学历证书扫描件 — the diploma, in either orientation. */
    DIPLOMA_SCAN(300, 3000, 300, 3000, Double.NaN, 1600, 1600);

    /** 100K of the manual, read as binary kilobytes: the stricter reading, so no upload is ever disputed. */
    public static final int MAX_BYTES = 100 * 1024;

    /** How far width/height may stray from {@link #aspectRatio()}: a hand-cropped photo is never exact. */
    public static final double ASPECT_RATIO_TOLERANCE = 0.08;

    private final int minWidth;
    private final int maxWidth;
    private final int minHeight;
    private final int maxHeight;
    private final double aspectRatio;
    private final int targetWidth;
    private final int targetHeight;

    ImageKind(int minWidth, int maxWidth, int minHeight, int maxHeight, double aspectRatio,
              int targetWidth, int targetHeight) {
        this.minWidth = minWidth;
        this.maxWidth = maxWidth;
        this.minHeight = minHeight;
        this.maxHeight = maxHeight;
        this.aspectRatio = aspectRatio;
        this.targetWidth = targetWidth;
        this.targetHeight = targetHeight;
    }

    /** The same for every kind today; a method so that a kind could get its own limit without API changes. */
    public int maxBytes() {
        return MAX_BYTES;
    }

    public int minWidth() {
        return minWidth;
    }

    public int maxWidth() {
        return maxWidth;
    }

    public int minHeight() {
        return minHeight;
    }

    public int maxHeight() {
        return maxHeight;
    }

    /** A fixed ratio below 1 means upright (the photo); scans may be landscape or portrait. */
    public boolean portraitOnly() {
        return hasFixedAspectRatio() && aspectRatio < 1;
    }

    /** Width divided by height that the image must be close to, or empty if any ratio is fine. */
    public OptionalDouble aspectRatio() {
        return hasFixedAspectRatio() ? OptionalDouble.of(aspectRatio) : OptionalDouble.empty();
    }

    /**
     * Width the normaliser aims for. With a fixed aspect ratio this is the exact output width after cropping;
     * otherwise {@code targetWidth × targetHeight} is the box the image is scaled down to fit in.
     */
    public int targetWidth() {
        return targetWidth;
    }

    /** See {@link #targetWidth()}. */
    public int targetHeight() {
        return targetHeight;
    }

    /** Whether {@code width × height} pixels lie within this kind's minimum and maximum on both sides. */
    public boolean fitsDimensions(int width, int height) {
        return width >= minWidth && width <= maxWidth && height >= minHeight && height <= maxHeight;
    }

    /** Whether the ratio is acceptable; always true for kinds without a fixed ratio. */
    public boolean acceptsAspectRatio(int width, int height) {
        return !hasFixedAspectRatio() || Math.abs((double) width / height - aspectRatio) <= ASPECT_RATIO_TOLERANCE;
    }

    private boolean hasFixedAspectRatio() {
        return !Double.isNaN(aspectRatio);
    }
}
