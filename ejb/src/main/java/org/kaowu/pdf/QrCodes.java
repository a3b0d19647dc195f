package org.kaowu.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes drawn as vector squares. OpenPDF 2.x has no QR barcode, so ZXing (core only) computes the module
 * matrix and this class paints it: vectors stay sharp at any print resolution, unlike a bitmap.
 */
final class QrCodes {

    /** Blank modules around the code; the QR specification asks for four. */
    static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /**
     * The modules of a QR code for the text (error correction M), row by row, {@code true} = dark.
     * <p>
     * The mask ZXing picks by the standard's penalty score is not always one its own detector can find: for
     * a few ticket numbers in a thousand (9 of 3,000 tried, "…0100705" among them) a finder-like run in the
     * data sends the detector astray, although the symbol is valid. Scanning apps on site are often ZXing-based, so the code is scanned back here and, if
     * that fails, the other masks are tried until one scans.
     */
    static boolean[][] matrix(String text) {
        ByteMatrix chosen = encode(text, -1);
        if (!scans(chosen, text)) {
            for (int mask = 0; mask < 8; mask++) {
                ByteMatrix other = encode(text, mask);
                if (scans(other, text)) {
                    chosen = other;
                    break;
                }
            }
        }
        boolean[][] modules = new boolean[chosen.getHeight()][chosen.getWidth()];
        for (int y = 0; y < chosen.getHeight(); y++) {
            for (int x = 0; x < chosen.getWidth(); x++) {
                modules[y][x] = chosen.get(x, y) == 1;
            }
        }
        return modules;
    }

    private static ByteMatrix encode(String text, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        // ticket numbers are ASCII; anything else is written as UTF-8 (with an ECI marker) so scanners agree
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for \"" + text + "\"", e);
        }
    }

    /** Whether ZXing's reader finds and decodes the code in a clean image of it (4 pixels a module). */
    static boolean scans(ByteMatrix matrix, String text) {
        int scale = 4;
        int side = (matrix.getWidth() + 2 * QUIET_ZONE) * scale;
        int[] pixels = new int[side * side];
        for (int py = 0; py < side; py++) {
            int y = py / scale - QUIET_ZONE;
            for (int px = 0; px < side; px++) {
                int x = px / scale - QUIET_ZONE;
                boolean dark = x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight()
                        && matrix.get(x, y) == 1;
                pixels[py * side + px] = dark ? 0xff000000 : 0xffffffff;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        try {
            return text.equals(new QRCodeReader().decode(bitmap).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    /** A square image {@code size} points wide, quiet zone included, to put into a cell or paragraph. */
    static Image image(PdfWriter writer, String text, float size) {
        boolean[][] modules = matrix(text);
        int count = modules.length + 2 * QUIET_ZONE;
        // drawn in whole modules and scaled afterwards: integer coordinates make neighbouring squares share
        // exact edges, where rounded fractional ones left slivers that rasterisers turned into slanted corners
        PdfTemplate template = writer.getDirectContent().createTemplate(count, count);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < modules.length; y++) {
            // PDF y grows upwards, matrix rows downwards
            int bottom = count - QUIET_ZONE - y - 1;
            int x = 0;
            while (x < modules[y].length) {
                if (!modules[y][x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules[y].length && modules[y][x]) {
                    x++;
                }
                // one rectangle per dark run keeps the content stream small
                template.rectangle(QUIET_ZONE + start, bottom, x - start, 1);
            }
        }
        template.fill();
        try {
            Image image = Image.getInstance(template);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("QR code could not be placed", e);
        }
    }
}
