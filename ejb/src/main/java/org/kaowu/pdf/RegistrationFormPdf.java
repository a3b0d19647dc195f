package org.kaowu.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * 报名表 — the registration form as an A4 PDF: batch, number, status, personal data in pairs beside the
 * photo, then full-width rows (address, site, positions).
 */
@ApplicationScoped
public class RegistrationFormPdf {

    /** What goes on the form, already in the words to print (Chinese). */
    public record Form(String title, String batchName, String registrationNo, String status,
                       Map<String, String> personal, byte[] photo, Map<String, String> wide, String footer) {
    }

    @Inject
    private PdfFonts fonts;

    public byte[] render(Form form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(form.title() + " " + form.registrationNo());
            document.open();

            Paragraph title = new Paragraph(form.title(), fonts.bold(18));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph batch = new Paragraph(form.batchName(), fonts.font(12));
            batch.setAlignment(Element.ALIGN_CENTER);
            batch.setSpacingAfter(12);
            document.add(batch);

            PdfPTable head = new PdfPTable(new float[] {1, 1});
            head.setWidthPercentage(100);
            head.addCell(plain("报名号：" + form.registrationNo(), 10));
            PdfPCell status = plain("状态：" + form.status(), 10);
            status.setHorizontalAlignment(Element.ALIGN_RIGHT);
            head.addCell(status);
            head.setSpacingAfter(8);
            document.add(head);

            PdfPTable table = new PdfPTable(new float[] {1.2f, 2.4f, 1.2f, 2.4f, 2f});
            table.setWidthPercentage(100);
            List<Map.Entry<String, String>> rows = List.copyOf(form.personal().entrySet());
            PdfPCell photo = photoCell(form.photo());
            photo.setRowspan(4);
            for (int i = 0; i < rows.size(); i += 2) {
                table.addCell(label(rows.get(i).getKey()));
                table.addCell(value(rows.get(i).getValue()));
                if (i + 1 < rows.size()) {
                    table.addCell(label(rows.get(i + 1).getKey()));
                    table.addCell(value(rows.get(i + 1).getValue()));
                } else {
                    table.addCell(label(""));
                    table.addCell(value(""));
                }
                if (i == 0) {
                    table.addCell(photo);
                } else if (i >= 8) {
                    table.addCell(value(""));
                }
            }
            for (Map.Entry<String, String> row : form.wide().entrySet()) {
                table.addCell(label(row.getKey()));
                PdfPCell cell = value(row.getValue());
                cell.setColspan(4);
                table.addCell(cell);
            }
            document.add(table);

            Paragraph footer = new Paragraph(form.footer(), fonts.font(9));
            footer.setSpacingBefore(16);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("registration form could not be rendered", e);
        }
        return out.toByteArray();
    }

    private PdfPCell label(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.bold(10)));
        cell.setBackgroundColor(new java.awt.Color(0xf0, 0xf3, 0xf7));
        cell.setPadding(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private PdfPCell value(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, fonts.font(10)));
        cell.setPadding(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private PdfPCell plain(String text, float size) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.font(size)));
        cell.setBorder(0);
        return cell;
    }

    private PdfPCell photoCell(byte[] photo) {
        if (photo == null) {
            PdfPCell cell = value("照片");
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            return cell;
        }
        try {
            Image image = Image.getInstance(photo);
            image.scaleToFit(80, 112);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setPadding(4);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            return cell;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
