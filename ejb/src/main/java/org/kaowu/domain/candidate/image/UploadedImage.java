package org.kaowu.domain.candidate.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image that passed {@link ImageInspector#check} or came out of {@link ImageNormalizer#normalize}: always
 * a JPEG this code encoded itself from decoded pixels, so nothing of the upload survives except the picture —
 * no EXIF, GPS position, camera serial, thumbnail or smuggled payload. Store and serve {@link #bytes()}, never
 * the original upload.
 * <p>
 * The canonical constructor stays public so that stored images can be wrapped again when read back; it only
 * guards against obvious misuse and does not re-inspect the bytes. The array is copied in and out so the
 * value cannot change after it was checked.
 */
public record UploadedImage(ImageKind kind, byte[] bytes, int width, int height) {

    public static final String CONTENT_TYPE = "image/jpeg";

    public UploadedImage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            throw new IllegalArgumentException("not a JPEG");
        }
        if (bytes.length > kind.maxBytes()) {
            throw new IllegalArgumentException("larger than " + kind.maxBytes() + " bytes: " + bytes.length);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
        bytes = bytes.clone();
    }

    /** A copy of the JPEG bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes, without copying them. */
    public int size() {
        return bytes.length;
    }

    /** Always {@value #CONTENT_TYPE}: whatever was uploaded, what is kept is a JPEG. */
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedImage other && kind == other.kind && width == other.width
                && height == other.height && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, width, height, Arrays.hashCode(bytes));
    }

    /** Size only: dumping the bytes into a log line helps nobody. */
    @Override
    public String toString() {
        return "UploadedImage[" + kind + " " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
