package org.kaowu.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaowu.pdf.AdmissionTicketPdf.SignInRow;
import org.kaowu.pdf.AdmissionTicketPdf.SignInSheet;
import org.kaowu.pdf.AdmissionTicketPdf.Ticket;

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

class AdmissionTicketPdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private static final List<String> RULES = List.of(
            "考生凭本准考证和有效居民身份证原件参加考试，两证缺一不得入场。",
            "考生须在开考前30分钟到达考场，开考15分钟后不得入场，考试结束前不得提前交卷离场。",
            "除黑色签字笔、2B铅笔、橡皮外，不得携带任何物品进入座位；手机等电子设备须关机交由监考员统一保管。",
            "考生应按座位号就座，并将准考证和身份证放在桌面左上角，以便核验。",
            "考试期间保持安静，服从监考人员安排，违纪违规者按有关规定处理。",
            "请妥善保管本准考证，成绩查询和资格复审时需再次出示。");

    private final AdmissionTicketPdf pdf = new AdmissionTicketPdf();

    @BeforeEach
    void fonts() {
        PdfFonts fonts = new PdfFonts();
        fonts.fontPath = FONT + ",0";
        pdf.fonts = fonts;
    }

    @Test
    void ticketCarriesTitleNameNumberAndTheFacts() throws IOException {
        assumeFont();
        byte[] bytes = pdf.render(ticket("262026AHZ0100703", "张晓明", photo(new Color(0x8a, 0xa9, 0xc9))));
        Path sample = Path.of("target", "ticket-sample.pdf");
        Files.createDirectories(sample.getParent());
        Files.write(sample, bytes);

        String text = text(bytes, 1);
        assertTrue(text.contains("准考证"), text);
        assertTrue(text.contains("张晓明"), text);
        assertTrue(text.contains("262026AHZ0100703"), text);
        assertTrue(text.contains("杭州市第十四中学"), text);
        assertTrue(text.contains("考生须知"), text);
        assertTrue(text.contains("两证缺一不得入场"), text);
        assertEquals(1, new PdfReader(bytes).getNumberOfPages());
    }

    @Test
    void missingPhotoLeavesALabelledBox() throws IOException {
        assumeFont();
        String text = text(pdf.render(ticket("262026AHZ0100704", "李四", null)), 1);

        assertTrue(text.contains("照片"), text);
        assertTrue(text.contains("李四"), text);
    }

    @Test
    void qrCodeOnThePageScansAsTheTicketNumber() throws Exception {
        assumeFont();
        assumeTrue(new File("/usr/bin/pdftoppm").canExecute(), "pdftoppm (poppler-utils) not installed");
        Path file = Path.of("target", "ticket-qr.pdf");
        Files.createDirectories(file.getParent());
        // without a photo: a drawn head-and-shoulders can pass for a finder pattern on a whole-page scan
        Files.write(file, pdf.render(ticket("262026AHZ0100705", "王五", null)));
        Path png = Path.of("target", "ticket-qr");
        Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "150", "-singlefile",
                file.toString(), png.toString()).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());

        BufferedImage page = ImageIO.read(Path.of("target", "ticket-qr.png").toFile());
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);

        assertEquals("262026AHZ0100705", scan(new BinaryBitmap(new HybridBinarizer(source))));
        assertEquals("262026AHZ0100705", scan(new BinaryBitmap(new GlobalHistogramBinarizer(source))));
    }

    @Test
    void qrMatrixDecodesBackToItsText() throws Exception {
        for (String text : List.of("262026AHZ0100703", "26-2026A-HZ01-007-03", "准考证 262026AHZ0100703")) {
            boolean[][] modules = QrCodes.matrix(text);
            BitMatrix bits = new BitMatrix(modules.length);
            for (int y = 0; y < modules.length; y++) {
                for (int x = 0; x < modules.length; x++) {
                    if (modules[y][x]) {
                        bits.set(x, y);
                    }
                }
            }
            assertEquals(text, new Decoder().decode(bits).getText());
        }
    }

    @Test
    void everyCodeOfAThousandTicketNumbersIsFoundByZxingsDetector() {
        // the default mask of "…0705" is one ZXing's own detector cannot find; QrCodes retries other masks
        long start = System.nanoTime();
        for (int i = 1; i <= 1000; i++) {
            String number = "262026AHZ01%03d%02d".formatted(i / 30 + 1, i % 30 + 1);
            boolean[][] modules = QrCodes.matrix(number);
            ByteMatrix matrix = new ByteMatrix(modules.length, modules.length);
            for (int y = 0; y < modules.length; y++) {
                for (int x = 0; x < modules.length; x++) {
                    matrix.set(x, y, modules[y][x]);
                }
            }
            assertTrue(QrCodes.scans(matrix, number), number);
        }
        System.out.printf("QR codes: 1,000 encoded and checked in %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }

    @Test
    void aRoomsTicketsComeOnePerPage() throws IOException {
        assumeFont();
        List<Ticket> tickets = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            tickets.add(ticket("262026AHZ01007%02d".formatted(seat), "考生" + seat, seat == 2 ? null : photo(Color.GRAY)));
        }

        byte[] bytes = pdf.renderAll(tickets);

        assertEquals(3, new PdfReader(bytes).getNumberOfPages());
        for (int seat = 1; seat <= 3; seat++) {
            String text = text(bytes, seat);
            assertTrue(text.contains("262026AHZ01007%02d".formatted(seat)), text);
            assertTrue(text.contains("考生" + seat), text);
        }
        assertThrows(IllegalArgumentException.class, () -> pdf.renderAll(List.of()));
    }

    @Test
    void signInSheetListsEveryCandidateWithTheHeaderOnEachPage() throws IOException {
        assumeFont();
        List<SignInRow> rows = new ArrayList<>();
        for (int seat = 1; seat <= 30; seat++) {
            rows.add(new SignInRow("%02d".formatted(seat), seat % 7 == 0 ? null : photo(Color.LIGHT_GRAY),
                    "考生" + seat, "3301**********%04d".formatted(seat), "262026AHZ01007%02d".formatted(seat)));
        }
        byte[] bytes = pdf.signInSheet(new SignInSheet("2026年上半年事业单位公开招聘考试", "杭州市第十四中学",
                "第007考场", "2026年6月20日 09:00—11:00", rows));
        Files.write(Path.of("target", "signin-sample.pdf"), bytes);

        int pages = new PdfReader(bytes).getNumberOfPages();
        assertTrue(pages >= 2, "30 rows with photos do not fit one page");
        String all = "";
        for (int page = 1; page <= pages; page++) {
            String text = text(bytes, page);
            assertTrue(text.contains("考生签名"), "header repeated on page " + page);
            all += text;
        }
        assertTrue(all.contains("考场签到表"));
        assertTrue(all.contains("第007考场"));
        for (int seat = 1; seat <= 30; seat++) {
            assertTrue(all.contains("262026AHZ01007%02d".formatted(seat)), "row " + seat);
            assertTrue(all.contains("3301**********%04d".formatted(seat)), "ID as given, row " + seat);
        }
        assertTrue(all.contains("应到30人"), "expected head count in the footer");
        assertFalse(all.contains("null"));
    }

    private static Ticket ticket(String number, String name, byte[] photo) {
        return new Ticket(number, "2026年上半年事业单位公开招聘考试", name, "330106199001011234", photo,
                List.of("综合管理岗（A0101）", "文字综合岗（A0102）"), "杭州市第十四中学",
                "杭州市拱墅区凤起路580号", "第007考场", "03", "2026年6月20日（星期六）",
                List.of("上午 09:00—11:00  职业能力倾向测验", "下午 14:00—16:30  综合应用能力"), RULES);
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
