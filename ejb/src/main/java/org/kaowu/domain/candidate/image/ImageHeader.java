package org.kaowu.domain.candidate.image;

import org.kaowu.exception.BusinessException;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What the first bytes of an upload say about it, read by hand without ImageIO: the format from the magic
 * bytes, the stored dimensions, the JPEG colour layout and the EXIF orientation. Reading these ourselves is
 * what lets the inspector refuse a decompression bomb or a CMYK file before any decoder allocates a pixel —
 * the JDK's PNG reader, for one, fails on a 100000×100000 header with a generic error instead of saying why.
 *
 * @param width       stored width in pixels (before EXIF orientation)
 * @param height      stored height in pixels
 * @param components  JPEG: colour components in the frame header; PNG: 0 (ImageIO decodes every PNG type)
 * @param precision   JPEG: bits per sample; PNG: 0
 * @param adobeTransform JPEG: the transform byte of an Adobe APP14 segment (2 = YCCK), or -1 if absent
 * @param orientation EXIF orientation 1..8, 1 if absent or unreadable
 * @param complete    JPEG: an end-of-image marker follows the first scan; PNG: always true (the decoder
 *                    itself fails on a cut-off PNG, whereas libjpeg quietly pads a cut-off JPEG with grey)
 */
record ImageHeader(Format format, int width, int height, int components, int precision, int adobeTransform,
                   int orientation, boolean complete) {

    enum Format {
        JPEG("jpeg"), PNG("png");

        /** The ImageIO format name; readers are picked by it, never by ImageIO guessing from the content. */
        final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int ORIENTATION_TAG = 0x0112;

    /**
     * The format from the magic bytes alone, or null for anything else. Only JPEG (FF D8 FF) and PNG are
     * accepted, so HTML, SVG, GIF, WebP, HEIC, PDF and executables are out whatever they are called.
     */
    static Format sniff(byte[] data) {
        if (data.length >= 3 && u8(data, 0) == 0xFF && u8(data, 1) == 0xD8 && u8(data, 2) == 0xFF) {
            return Format.JPEG;
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Format.PNG;
        }
        return null;
    }

    /**
     * @throws BusinessException {@code image.notImage} if the magic bytes are wrong, {@code image.corrupt} if
     *                           the structure up to the pixel data is broken
     */
    static ImageHeader parse(byte[] data) {
        Format format = sniff(data);
        if (format == null) {
            throw new BusinessException("image.notImage");
        }
        try {
            return format == Format.JPEG ? parseJpeg(data) : parsePng(data);
        } catch (IndexOutOfBoundsException e) {
            // Every read is bounds-checked by Java; running off the end simply means the header is cut off.
            throw corrupt();
        }
    }

    /** Width as displayed, i.e. after applying the EXIF orientation (5-8 turn the image by 90 degrees). */
    int displayWidth() {
        return swapsAxes() ? height : width;
    }

    int displayHeight() {
        return swapsAxes() ? width : height;
    }

    boolean swapsAxes() {
        return orientation >= 5;
    }

    /** Four components is CMYK (Adobe transform 0) or YCCK (transform 2); Adobe transform 2 alone is YCCK. */
    boolean isCmyk() {
        return format == Format.JPEG && (components == 4 || adobeTransform == 2);
    }

    /** Grey (1) and colour (3) 8-bit JPEGs are what ImageIO decodes correctly; anything else is exotic. */
    boolean isUnsupportedColour() {
        return format == Format.JPEG && (precision != 8 || (components != 1 && components != 3));
    }

    /**
     * Walks the JPEG marker segments up to the first scan (SOS): the frame header (SOFn) gives size,
     * precision and components, APP1 "Exif" the orientation, APP14 "Adobe" the colour transform.
     */
    private static ImageHeader parseJpeg(byte[] data) {
        int pos = 2;
        int width = -1;
        int height = -1;
        int components = -1;
        int precision = -1;
        int adobeTransform = -1;
        int orientation = 1;
        int scanStart = -1;
        while (scanStart < 0) {
            if (u8(data, pos) != 0xFF) {
                throw corrupt();
            }
            while (u8(data, pos) == 0xFF) {
                pos++; // fill bytes before a marker are allowed
            }
            int marker = u8(data, pos++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length field
            }
            if (marker == 0xD9) {
                throw corrupt(); // end of image before any picture
            }
            int length = u16(data, pos);
            if (length < 2 || pos + length > data.length) {
                throw corrupt();
            }
            int payload = pos + 2;
            if (marker == 0xDA) {
                scanStart = pos + length;
            } else if (isStartOfFrame(marker) && width < 0) {
                precision = u8(data, payload);
                height = u16(data, payload + 1);
                width = u16(data, payload + 3);
                components = u8(data, payload + 5);
            } else if (marker == 0xE1 && orientation == 1) {
                orientation = exifOrientation(data, payload, pos + length);
            } else if (marker == 0xEE && length >= 14 && startsWith(data, payload, ascii("Adobe"))) {
                adobeTransform = u8(data, payload + 11);
            }
            pos += length;
        }
        // Height 0 would mean "defined later by a DNL marker", which no camera or editor writes.
        if (width <= 0 || height <= 0 || components <= 0) {
            throw corrupt();
        }
        return new ImageHeader(Format.JPEG, width, height, components, precision, adobeTransform, orientation,
                containsEndOfImage(data, scanStart));
    }

    /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * Inside entropy-coded data every FF byte is followed by 00 or a restart marker, so FF D9 after the first
     * scan can only be the real end of the image. Searching rather than looking at the last two bytes keeps
     * files valid that carry data after the image (phones append motion-photo video, some tools pad zeros).
     */
    private static boolean containsEndOfImage(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (u8(data, i) == 0xFF && u8(data, i + 1) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * The orientation tag of IFD0 in an APP1 "Exif\0\0" segment. Best effort: anything unexpected yields 1,
     * since a broken EXIF block says nothing about whether the picture itself is fine.
     */
    private static int exifOrientation(byte[] data, int start, int end) {
        if (!startsWith(data, start, new byte[] {'E', 'x', 'i', 'f', 0, 0})) {
            return 1; // e.g. XMP, which also lives in APP1
        }
        int tiff = start + 6;
        if (tiff + 8 > end) {
            return 1;
        }
        boolean littleEndian;
        if (u8(data, tiff) == 'I' && u8(data, tiff + 1) == 'I') {
            littleEndian = true;
        } else if (u8(data, tiff) == 'M' && u8(data, tiff + 1) == 'M') {
            littleEndian = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(data, tiff + 4, littleEndian);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(data, (int) ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(data, entry, littleEndian) == ORIENTATION_TAG) {
                boolean shortType = u16(data, entry + 2, littleEndian) == 3;
                int value = u16(data, entry + 8, littleEndian);
                return shortType && value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The first chunk must be IHDR; its CRC is checked so that a header we act upon is not line noise. */
    private static ImageHeader parsePng(byte[] data) {
        int length = s32(data, 8);
        if (length != 13 || !startsWith(data, 12, ascii("IHDR"))) {
            throw corrupt();
        }
        CRC32 crc = new CRC32();
        crc.update(data, 12, 4 + 13);
        if ((int) crc.getValue() != s32(data, 12 + 4 + 13)) {
            throw corrupt();
        }
        // The PNG specification caps both at 2^31-1, so a negative value is a broken file.
        int width = s32(data, 16);
        int height = s32(data, 20);
        if (width <= 0 || height <= 0) {
            throw corrupt();
        }
        return new ImageHeader(Format.PNG, width, height, 0, 0, -1, 1, true);
    }

    private static BusinessException corrupt() {
        return new BusinessException("image.corrupt");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] data, int offset) {
        return data[offset] & 0xFF;
    }

    private static int u16(byte[] data, int offset) {
        return u16(data, offset, false);
    }

    private static int u16(byte[] data, int offset, boolean littleEndian) {
        return littleEndian
                ? u8(data, offset) | u8(data, offset + 1) << 8
                : u8(data, offset) << 8 | u8(data, offset + 1);
    }

    private static long u32(byte[] data, int offset, boolean littleEndian) {
        return littleEndian
                ? (long) u16(data, offset, true) | (long) u16(data, offset + 2, true) << 16
                : (long) u16(data, offset, false) << 16 | u16(data, offset + 2, false);
    }

    private static int s32(byte[] data, int offset) {
        return (int) u32(data, offset, false);
    }
}
