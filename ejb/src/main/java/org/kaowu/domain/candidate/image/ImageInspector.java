package org.kaowu.domain.candidate.image;

import org.kaowu.exception.BusinessException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * 图片检查 — decides whether an uploaded image meets the rules of its {@link ImageKind}, and returns it freshly
 * encoded. The decision rests on the bytes alone: the file name and the browser's declared type are chosen
 * by the uploader and prove nothing.
 * <p>
 * Checks run from cheap to expensive and stop at the first problem, so that the user hears about the most
 * basic one and hostile input is turned away before it costs memory: magic bytes, size in bytes, header
 * (dimensions, colour model), the kind's pixel rules, and only then a full decode. A decoder warning counts
 * as an error, because libjpeg "repairs" a cut-off file by painting the rest grey.
 * <p>
 * Stateless and thread-safe. Package-private methods are shared with {@link ImageNormalizer}.
 */
public class ImageInspector {

    /** Longest side accepted before decoding; a 100 KB PNG of one colour can claim to be 100000 px wide. */
    public static final int MAX_SIDE = 6000;

    /** 30 megapixels: about 120 MB as decoded RGB, the most one request may cost. */
    public static final long MAX_PIXELS = 30_000_000L;

    /** Quality of the re-encoded JPEG, high enough that a second JPEG generation is not visible. */
    static final int CHECK_QUALITY_PERCENT = 90;

    /** Lowest quality the inspector tries before telling the user the image is too large. */
    static final int CHECK_LOWEST_QUALITY_PERCENT = 60;

    /**
     * Checks {@code data} against the rules of {@code kind}.
     *
     * @return the image re-encoded as JPEG (quality 0.9, lower only if needed to stay within the limit),
     *         upright according to its EXIF orientation and without any metadata
     * @throws BusinessException with key {@code image.empty}; {@code image.notImage}; {@code image.tooLarge}
     *                           (argument: size in KB, rounded up); {@code image.corrupt};
     *                           {@code image.dimensionsTooLarge} (width, height); {@code image.cmyk};
     *                           {@code image.unsupportedColour}; {@code image.notPortrait} (width, height);
     *                           {@code image.tooSmall} (minimum width, minimum height); {@code image.tooBig}
     *                           (maximum width, maximum height); {@code image.wrongRatio} (width, height) —
     *                           roughly in that order of checking
     */
    public UploadedImage check(ImageKind kind, byte[] data) {
        Objects.requireNonNull(kind, "kind");
        requireNotEmpty(data);
        // The format comes before the size: "too large, please compress" would be wrong advice for a PDF.
        if (ImageHeader.sniff(data) == null) {
            throw new BusinessException("image.notImage");
        }
        if (data.length > kind.maxBytes()) {
            throw tooLarge(data.length);
        }
        ImageHeader header = readHeader(data);
        int width = header.displayWidth();
        int height = header.displayHeight();
        // Judged on the header, so an image too big for the kind is never decoded at all.
        checkPixelRules(kind, width, height);

        BufferedImage rgb = ImageOps.orient(ImageOps.toOpaqueRgb(decode(data, header, null, 1)), header.orientation());
        byte[] jpeg = ImageOps.encodeWithin(rgb, kind.maxBytes(), CHECK_QUALITY_PERCENT, CHECK_LOWEST_QUALITY_PERCENT);
        if (jpeg.length > kind.maxBytes()) {
            // Rare: a PNG of sharp text can be small while no JPEG of it is. The size reported is what we
            // would have to store, and "auto adjust" (the normaliser, allowed to shrink) is the way out.
            throw tooLarge(jpeg.length);
        }
        return new UploadedImage(kind, jpeg, rgb.getWidth(), rgb.getHeight());
    }

    static void requireNotEmpty(byte[] data) {
        if (data == null || data.length == 0) {
            throw new BusinessException("image.empty");
        }
    }

    /**
     * Parses the header and refuses what must never reach a decoder.
     *
     * @throws BusinessException {@code image.notImage}, {@code image.corrupt}, {@code image.dimensionsTooLarge},
     *                           {@code image.cmyk} or {@code image.unsupportedColour}
     */
    static ImageHeader readHeader(byte[] data) {
        ImageHeader header = ImageHeader.parse(data);
        long pixels = (long) header.width() * header.height();
        if (header.width() > MAX_SIDE || header.height() > MAX_SIDE || pixels > MAX_PIXELS) {
            throw new BusinessException("image.dimensionsTooLarge", header.displayWidth(), header.displayHeight());
        }
        // Since JDK 9 ImageIO does decode CMYK, but without the embedded profile and without undoing Adobe's
        // inverted storage: colours come out wrong or as a negative. Only the user can fix this properly.
        if (header.isCmyk()) {
            throw new BusinessException("image.cmyk");
        }
        if (header.isUnsupportedColour()) {
            throw new BusinessException("image.unsupportedColour");
        }
        return header;
    }

    /** The kind's rules on the displayed (EXIF-oriented) size; the order puts the most basic problem first. */
    static void checkPixelRules(ImageKind kind, int width, int height) {
        if (kind.portraitOnly() && height <= width) {
            throw new BusinessException("image.notPortrait", width, height);
        }
        if (width < kind.minWidth() || height < kind.minHeight()) {
            throw new BusinessException("image.tooSmall", kind.minWidth(), kind.minHeight());
        }
        if (width > kind.maxWidth() || height > kind.maxHeight()) {
            throw new BusinessException("image.tooBig", kind.maxWidth(), kind.maxHeight());
        }
        if (!kind.acceptsAspectRatio(width, height)) {
            throw new BusinessException("image.wrongRatio", width, height);
        }
    }

    /**
     * Decodes the stored (not yet oriented) pixels with the reader for the sniffed format, optionally only a
     * region and every {@code subsampling}-th pixel, which keeps memory low when the result will be small.
     *
     * @param region stored-pixel rectangle to decode, or null for all
     * @throws BusinessException {@code image.corrupt} if the decoder fails, warns, or disagrees with the
     *                           header; {@code image.unsupportedColour} if it cannot produce an image type
     */
    static BufferedImage decode(byte[] data, ImageHeader header, Rectangle region, int subsampling) {
        if (!header.complete()) {
            throw new BusinessException("image.corrupt");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(header.format().imageIoName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + header.format());
        }
        ImageReader reader = readers.next();
        Decoded decoded;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            decoded = read(reader, in, header, region, subsampling);
        } catch (IOException | RuntimeException e) {
            // Decoders signal malformed input with IIOException, but also with IllegalArgumentException,
            // IndexOutOfBounds and the like. None of those may become a 500 page; Errors still propagate.
            throw new BusinessException("image.corrupt");
        } finally {
            reader.dispose();
        }
        if (decoded.problem != null) {
            throw new BusinessException(decoded.problem);
        }
        return decoded.image;
    }

    /** Either an image or the key of what is wrong; kept apart so that the catch above cannot swallow it. */
    private record Decoded(BufferedImage image, String problem) {
    }

    private static Decoded read(ImageReader reader, ImageInputStream in, ImageHeader header, Rectangle region,
                                int subsampling) throws IOException {
        // Metadata is ignored: we read what we need ourselves and throw the rest away.
        reader.setInput(in, true, true);
        WarningFlag warnings = new WarningFlag();
        reader.addIIOReadWarningListener(warnings);
        if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
            return new Decoded(null, "image.corrupt");
        }
        if (!reader.getImageTypes(0).hasNext()) {
            return new Decoded(null, "image.unsupportedColour");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (region != null) {
            param.setSourceRegion(region);
        }
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        return warnings.raised ? new Decoded(null, "image.corrupt") : new Decoded(image, null);
    }

    /** libjpeg reports "premature end of data segment" and the like only as warnings. */
    private static final class WarningFlag implements IIOReadWarningListener {
        private boolean raised;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            raised = true;
        }
    }

    private static BusinessException tooLarge(int bytes) {
        return new BusinessException("image.tooLarge", (bytes + 1023) / 1024);
    }
}
