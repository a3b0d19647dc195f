package org.kaowu.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfFilesTest {

    @Test
    void concatKeepsEveryPageInOrder() throws Exception {
        byte[] all = PdfFiles.concat(List.of(pdf("sheet"), pdf("ticket one", "ticket two")));
        PdfReader reader = new PdfReader(all);
        assertEquals(3, reader.getNumberOfPages());
        PdfTextExtractor text = new PdfTextExtractor(reader);
        assertTrue(text.getTextFromPage(1).contains("sheet"));
        assertTrue(text.getTextFromPage(3).contains("ticket two"));
        reader.close();
    }

    @Test
    void theQrCodeSvgHasDarkModulesInsideTheQuietZone() {
        String svg = QrSvg.of("262026AHZ0100703");
        assertTrue(svg.startsWith("<svg"), svg);
        assertTrue(svg.contains("M4,4h1v1h-1z"), "the finder pattern starts after the 4-module quiet zone");
    }

    private static byte[] pdf(String... pages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        for (int i = 0; i < pages.length; i++) {
            if (i > 0) {
                document.newPage();
            }
            document.add(new Paragraph(pages[i]));
        }
        document.close();
        return out.toByteArray();
    }
}
