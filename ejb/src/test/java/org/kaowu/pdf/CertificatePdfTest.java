package org.kaowu.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaowu.pdf.CertificatePdf.Certificate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CertificatePdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private static final String CODE = "K7M3-Q9XA-2FHC";
    private static final String URL = "https://kaowu.example.cn/query/certificate?code=" + CODE;

    private final CertificatePdf pdf = new CertificatePdf();

    @BeforeEach
    void fonts() {
        PdfFonts fonts = new PdfFonts();
        fonts.fontPath = FONT + ",0";
        pdf.fonts = fonts;
    }

    @Test
    void certificateCarriesHolderNumberCodeAndTheFacts() throws IOException {
        assumeFont();
        byte[] bytes = pdf.render(certificate("332026A01000123", "张晓明", photo(new Color(0x8a, 0xa9, 0xc9))));
        Path sample = Path.of("target", "certificate-sample.pdf");
        Files.createDirectories(sample.getParent());
        Files.write(sample, bytes);

        String text = text(bytes, 1);
        assertTrue(text.contains("合格证书"), text);
        assertTrue(text.contains("张晓明"), text);
        assertTrue(text.contains("332026A01000123"), text);
        assertTrue(text.contains(CODE), text);
        assertTrue(text.contains("330106********1234"), "ID as given: " + text);
        assertTrue(text.contains("综合管理岗（A0101）"), text);
        assertTrue(text.contains("2026年7月15日"), text);
        assertTrue(text.contains("浙江省人事考试院"), text);
        assertTrue(text.contains("2026年上半年事业单位公开招聘考试"), text);
        assertTrue(text.contains("kaowu.example.cn/query/certificate"), "query page for typing the code: " + text);
        assertFalse(text.contains("null"), text);
        PdfReader reader = new PdfReader(bytes);
        assertEquals(1, reader.getNumberOfPages());
        assertTrue(reader.getPageSizeWithRotation(1).getWidth() > reader.getPageSizeWithRotation(1).getHeight(),
                "landscape");
    }

    @Test
    void pdftotextFindsTheSameWords() throws Exception {
        assumeFont();
        assumeTrue(new File("/usr/bin/pdftotext").canExecute(), "pdftotext (poppler-utils) not installed");
        Path file = Path.of("target", "certificate-text.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf.render(certificate("332026A01000124", "欧阳娜娜", null)));
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").start();
        String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        String compact = text.replaceAll("\\s+", "");
        assertTrue(compact.contains("欧阳娜娜"), text);
        assertTrue(compact.contains("332026A01000124"), text);
        assertTrue(compact.contains(CODE), text);
    }

    @Test
    void missingPhotoLeavesALabelledBox() throws IOException {
        assumeFont();
        String text = text(pdf.render(certificate("332026A01000125", "李四", null)), 1);

        assertTrue(text.contains("照片"), text);
        assertTrue(text.contains("李四"), text);
    }

    @Test
    void optionalLinesMayBeLeftOut() throws IOException {
        assumeFont();
        Certificate bare = new Certificate("332026A01000126", "王五", "330106********1234", null, null,
                "综合管理岗（A0101）", "2026年7月15日", "浙江省人事考试院", null, CODE, URL);

        String text = text(pdf.render(bare), 1);

        assertTrue(text.contains("王五"), text);
        assertFalse(text.contains("null"), text);
        assertThrows(IllegalArgumentException.class, () -> new Certificate("332026A01000126", "王五", null, null,
                null, null, null, null, null, CODE, " "));
    }

    @Test
    void qrCodeOnThePageScansAsTheVerificationUrl() throws Exception {
        assumeFont();
        assumeTrue(new File("/usr/bin/pdftoppm").canExecute(), "pdftoppm (poppler-utils) not installed");
        // with a photo, and the whole page scanned: the frame and the photo must not be taken for the code
        Path file = Path.of("target", "certificate-qr.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf.render(certificate("332026A01000127", "赵六", photo(new Color(0xd8, 0x3b, 0x3b)))));
        Path png = Path.of("target", "certificate-qr");
        Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "150", "-singlefile",
                file.toString(), png.toString()).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());

        BufferedImage page = ImageIO.read(Path.of("target", "certificate-qr.png").toFile());
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);

        assertEquals(URL, scan(new BinaryBitmap(new HybridBinarizer(source))));
        assertEquals(URL, scan(new BinaryBitmap(new GlobalHistogramBinarizer(source))));
    }

    @Test
    void aBatchOfCertificatesComesOnePerPage() throws IOException {
        assumeFont();
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            certificates.add(certificate("332026A01%06d".formatted(i), "考生" + i, i == 2 ? null : photo(Color.GRAY)));
        }

        byte[] bytes = pdf.renderAll(certificates);

        assertEquals(3, new PdfReader(bytes).getNumberOfPages());
        for (int i = 1; i <= 3; i++) {
            String text = text(bytes, i);
            assertTrue(text.contains("332026A01%06d".formatted(i)), text);
            assertTrue(text.contains("考生" + i), text);
        }
        assertThrows(IllegalArgumentException.class, () -> pdf.renderAll(List.of()));
    }

    private static Certificate certificate(String number, String name, byte[] photo) {
        return new Certificate(number, name, "330106********1234", photo, "2026年上半年事业单位公开招聘考试",
                "综合管理岗（A0101）", "2026年7月15日", "浙江省人事考试院", "二〇二六年七月二十日", CODE, URL);
    }

    /** A small JPEG passport-style photo: coloured background, a head and shoulders. */
    private static byte[] photo(Color background) {
        BufferedImage image = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 240, 320);
        g.setColor(new Color(0xf1, 0xd2, 0xb8));
        g.fillOval(75, 60, 90, 115);
        g.setColor(new Color(0x33, 0x33, 0x44));
        g.fillOval(30, 200, 180, 200);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scan(BinaryBitmap bitmap) throws Exception {
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static String text(byte[] pdf, int page) throws IOException {
        // spacing between CJK glyphs depends on the extractor, the words do not
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(page).replaceAll("\\s+", "");
    }

    private static void assumeFont() {
        assumeTrue(new File(FONT).isFile(), FONT + " missing (apt-get install fonts-wqy-zenhei)");
    }
}
