package org.kaowu.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * 证书 — the certificate (合格证书) as a landscape A4 PDF: a double frame, the title, the holder's photo,
 * the facts (name, ID number, position, pass date, certificate number), a QR code that opens the public
 * verification page, the verification code in words for those who type it, and the issuing authority.
 */
@ApplicationScoped
public class CertificatePdf {

    /**
     * What goes on one certificate, already in the words to print (Chinese). {@code photo} is JPEG or PNG
     * bytes or null (an empty box labelled 照片); {@code idNumber} is printed as given (the caller masks it if
     * needed); {@code examName} and {@code issueDate} may be null (the line is left out);
     * {@code verificationUrl} is what the QR code holds, e.g. {@code https://host/query/certificate?code=…}.
     */
    public record Certificate(String certificateNo, String name, String idNumber, byte[] photo, String examName,
                              String position, String passDate, String authority, String issueDate,
                              String verificationCode, String verificationUrl) {

        public Certificate {
            if (verificationUrl == null || verificationUrl.isBlank()) {
                throw new IllegalArgumentException("a certificate needs the verification URL for its QR code");
            }
        }
    }

    private static final Color RED = new Color(0x9b, 0x1c, 0x1c);
    private static final Color GOLD = new Color(0xb8, 0x93, 0x3f);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xc8, 0xc8, 0xc8);
    private static final float QR_SIZE = 104;
    private static final float ROW_HEIGHT = 30;

    // package-private like PdfFonts.fontPath, so a unit test can hand in fonts without a container
    @Inject
    PdfFonts fonts;

    /** One certificate, one page. */
    public byte[] render(Certificate certificate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(List.of(certificate), out, "合格证书 " + certificate.certificateNo());
        return out.toByteArray();
    }

    /** Several certificates in one PDF, one per page in the order given (e.g. for printing a batch). */
    public byte[] renderAll(List<Certificate> certificates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeAll(certificates, out);
        return out.toByteArray();
    }

    /** Like {@link #renderAll} but streamed, for downloads too large to hold in memory. Does not close out. */
    public void writeAll(List<Certificate> certificates, OutputStream out) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificates to render");
        }
        write(certificates, out, "合格证书");
    }

    private void write(List<Certificate> certificates, OutputStream out, String documentTitle) {
        Document document = new Document(PageSize.A4.rotate(), 72, 72, 62, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(documentTitle);
            document.open();
            boolean first = true;
            for (Certificate certificate : certificates) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                frame(writer, document.getPageSize());
                page(document, writer, certificate);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("certificate could not be rendered", e);
        }
    }

    /** A thick red outer line, a thin gold inner one, and small squares in the inner corners. */
    private static void frame(PdfWriter writer, Rectangle page) {
        PdfContentByte canvas = writer.getDirectContentUnder();
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(3.2f);
        inset(canvas, page, 22);
        canvas.stroke();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(0.9f);
        inset(canvas, page, 30);
        canvas.stroke();
        canvas.setLineWidth(0.6f);
        inset(canvas, page, 33);
        canvas.stroke();
        canvas.setColorFill(GOLD);
        float corner = 38;
        for (float[] at : new float[][] {{corner, corner}, {page.getWidth() - corner - 7, corner},
                {corner, page.getHeight() - corner - 7}, {page.getWidth() - corner - 7, page.getHeight() - corner - 7}}) {
            canvas.rectangle(at[0], at[1], 7, 7);
        }
        canvas.fill();
        canvas.restoreState();
    }

    private static void inset(PdfContentByte canvas, Rectangle page, float by) {
        canvas.rectangle(by, by, page.getWidth() - 2 * by, page.getHeight() - 2 * by);
    }

    private void page(Document document, PdfWriter writer, Certificate certificate) throws DocumentException {
        Paragraph title = new Paragraph(new Chunk("合格证书", font(34, Font.BOLD, RED)).setCharacterSpacing(18));
        title.setAlignment(Element.ALIGN_CENTER);
        // character spacing also follows the last character; indenting by it keeps the title centred
        title.setIndentationLeft(18);
        title.setSpacingBefore(6);
        document.add(title);
        Paragraph english = new Paragraph(new Chunk("CERTIFICATE OF QUALIFICATION", font(9, Font.NORMAL, GREY))
                .setCharacterSpacing(2.5f));
        english.setAlignment(Element.ALIGN_CENTER);
        english.setSpacingBefore(7);
        document.add(english);
        if (certificate.examName() != null && !certificate.examName().isBlank()) {
            Paragraph exam = new Paragraph(certificate.examName(), fonts.font(13));
            exam.setAlignment(Element.ALIGN_CENTER);
            exam.setSpacingBefore(12);
            document.add(exam);
        }

        PdfPTable body = new PdfPTable(new float[] {1.35f, 4.3f, 1.65f});
        body.setWidthPercentage(100);
        body.setSpacingBefore(30);
        body.addCell(photoCell(certificate.photo()));
        body.addCell(factsCell(certificate));
        body.addCell(qrCell(writer, certificate));
        document.add(body);

        Paragraph statement = new Paragraph("经考试合格，特发此证。", fonts.font(14));
        statement.setAlignment(Element.ALIGN_CENTER);
        statement.setSpacingBefore(26);
        document.add(statement);

        PdfPTable footer = new PdfPTable(new float[] {4.2f, 2.6f});
        footer.setWidthPercentage(100);
        footer.setSpacingBefore(40);
        PdfPCell how = borderless();
        how.setVerticalAlignment(Element.ALIGN_BOTTOM);
        Paragraph hint = new Paragraph("本证书可扫描二维码，或登录 " + queryPage(certificate.verificationUrl())
                + " 输入验证码查验真伪。", font(9, Font.NORMAL, GREY));
        hint.setLeading(0, 1.4f);
        how.addElement(hint);
        footer.addCell(how);
        PdfPCell issuer = borderless();
        Paragraph authority = new Paragraph(text(certificate.authority()), fonts.bold(16));
        authority.setAlignment(Element.ALIGN_CENTER);
        issuer.addElement(authority);
        if (certificate.issueDate() != null && !certificate.issueDate().isBlank()) {
            Paragraph date = new Paragraph(certificate.issueDate(), fonts.font(12));
            date.setAlignment(Element.ALIGN_CENTER);
            date.setSpacingBefore(6);
            issuer.addElement(date);
        }
        footer.addCell(issuer);
        document.add(footer);
    }

    private PdfPCell factsCell(Certificate certificate) {
        PdfPTable facts = new PdfPTable(new float[] {1.15f, 3.2f});
        facts.setWidthPercentage(100);
        fact(facts, "姓　　名", certificate.name(), fonts.bold(16));
        fact(facts, "身份证号", certificate.idNumber(), fonts.font(13));
        fact(facts, "报考岗位", certificate.position(), fonts.font(13));
        fact(facts, "合格日期", certificate.passDate(), fonts.font(13));
        fact(facts, "证书编号", certificate.certificateNo(), font(14, Font.BOLD, RED));
        PdfPCell cell = borderless();
        cell.setPaddingLeft(18);
        cell.setPaddingRight(18);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.addElement(facts);
        return cell;
    }

    /** A label and its value on a thin rule, like the blanks of a printed form. */
    private void fact(PdfPTable table, String label, String value, Font font) {
        PdfPCell head = new PdfPCell(new Phrase(label, font(12, Font.NORMAL, GREY)));
        PdfPCell text = new PdfPCell(new Phrase(text(value), font));
        for (PdfPCell cell : List.of(head, text)) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.6f);
            cell.setMinimumHeight(ROW_HEIGHT);
            cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
            cell.setPaddingBottom(5);
            table.addCell(cell);
        }
    }

    private PdfPCell qrCell(PdfWriter writer, Certificate certificate) {
        PdfPCell cell = borderless();
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        Image code = QrCodes.image(writer, certificate.verificationUrl(), QR_SIZE);
        code.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(code);
        Paragraph scan = new Paragraph("扫码验证", fonts.font(9));
        scan.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(scan);
        Paragraph label = new Paragraph("验证码", font(9, Font.NORMAL, GREY));
        label.setAlignment(Element.ALIGN_CENTER);
        label.setSpacingBefore(8);
        cell.addElement(label);
        Paragraph verification = new Paragraph(text(certificate.verificationCode()), fonts.bold(12.5f));
        verification.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(verification);
        return cell;
    }

    private PdfPCell photoCell(byte[] photo) {
        PdfPTable box = new PdfPTable(1);
        box.setTotalWidth(96);
        box.setLockedWidth(true);
        PdfPCell frame;
        if (photo == null) {
            frame = new PdfPCell(new Phrase("照片", font(12, Font.NORMAL, GREY)));
        } else {
            try {
                Image image = Image.getInstance(photo);
                image.scaleToFit(90, 122);
                frame = new PdfPCell(image, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        frame.setFixedHeight(128);
        frame.setPadding(3);
        frame.setBorderColor(GREY);
        frame.setBorderWidth(0.6f);
        frame.setHorizontalAlignment(Element.ALIGN_CENTER);
        frame.setVerticalAlignment(Element.ALIGN_MIDDLE);
        box.addCell(frame);
        PdfPCell cell = new PdfPCell(box);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static PdfPCell borderless() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private Font font(float size, int style, Color color) {
        return new Font(fonts.base(), size, style, color);
    }

    /** The URL without its query: the page to type the code into. */
    private static String queryPage(String url) {
        int query = url.indexOf('?');
        String page = query < 0 ? url : url.substring(0, query);
        return page.replaceFirst("^https?://", "");
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
