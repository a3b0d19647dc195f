package org.kaowu.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
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
 * 准考证 — the admission ticket as an A4 PDF: title and batch, the facts in a label/value table with the
 * photo and a QR code of the ticket number on the right, then the exam rules (考生须知). Also the sign-in
 * sheet of one room (考场签到表) for the invigilators.
 */
@ApplicationScoped
public class AdmissionTicketPdf {

    /**
     * What goes on one ticket, already in the words to print (Chinese). {@code photo} is JPEG or PNG bytes or
     * null (an empty box labelled 照片); {@code room} and {@code seat} as printed (e.g. "第007考场", "03");
     * {@code sessions} one line per sitting; {@code rules} one rule per line, without numbers (they are added).
     */
    public record Ticket(String ticketNo, String batchName, String name, String idNumber, byte[] photo,
                         List<String> positions, String siteName, String siteAddress, String room, String seat,
                         String examDate, List<String> sessions, List<String> rules) {

        public Ticket {
            positions = positions == null ? List.of() : List.copyOf(positions);
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** A room's sign-in sheet: where and when, then one row per seat in seat order. */
    public record SignInSheet(String batchName, String siteName, String room, String examTime,
                              List<SignInRow> rows) {

        public SignInSheet {
            rows = List.copyOf(rows);
        }
    }

    /** One candidate on the sign-in sheet; {@code idNumber} is printed as given (masked or full). */
    public record SignInRow(String seat, byte[] photo, String name, String idNumber, String ticketNo) {
    }

    private static final Color LABEL_BACKGROUND = new Color(0xf0, 0xf3, 0xf7);
    private static final Color FRAME = new Color(0x60, 0x60, 0x60);
    private static final float ROW_HEIGHT = 28;
    private static final float QR_SIZE = 104;

    // package-private like PdfFonts.fontPath, so a unit test can hand in fonts without a container
    @Inject
    PdfFonts fonts;

    /** One ticket, one page. */
    public byte[] render(Ticket ticket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(List.of(ticket), out, "准考证 " + ticket.ticketNo());
        return out.toByteArray();
    }

    /** Several tickets in one PDF, one per page in the order given (e.g. all tickets of a room). */
    public byte[] renderAll(List<Ticket> tickets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeAll(tickets, out);
        return out.toByteArray();
    }

    /** Like {@link #renderAll} but streamed, for downloads too large to hold in memory. Does not close out. */
    public void writeAll(List<Ticket> tickets, OutputStream out) {
        if (tickets.isEmpty()) {
            throw new IllegalArgumentException("no tickets to render");
        }
        write(tickets, out, "准考证");
    }

    /** The sign-in sheet of one room: seat, photo, name, ID number, ticket number and a signature column. */
    public byte[] signInSheet(SignInSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("考场签到表 " + sheet.siteName() + " " + sheet.room());
            document.open();

            Paragraph title = new Paragraph("考场签到表", fonts.bold(18));
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph batch = new Paragraph(text(sheet.batchName()), fonts.font(11));
            batch.setAlignment(Element.ALIGN_CENTER);
            batch.setSpacingAfter(10);
            document.add(batch);

            PdfPTable where = new PdfPTable(new float[] {2.2f, 1.2f, 2.2f});
            where.setWidthPercentage(100);
            where.addCell(plain("考点：" + text(sheet.siteName()), 10));
            where.addCell(plain("考场：" + text(sheet.room()), 10));
            PdfPCell when = plain("考试时间：" + text(sheet.examTime()), 10);
            when.setHorizontalAlignment(Element.ALIGN_RIGHT);
            where.addCell(when);
            where.setSpacingAfter(6);
            document.add(where);

            PdfPTable table = new PdfPTable(new float[] {0.8f, 1f, 1.3f, 2.4f, 2.2f, 1.9f});
            table.setWidthPercentage(100);
            // the header repeats on every page of a long room
            table.setHeaderRows(1);
            for (String head : List.of("座位号", "照片", "姓名", "身份证号", "准考证号", "考生签名")) {
                PdfPCell cell = label(head);
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                table.addCell(cell);
            }
            for (SignInRow row : sheet.rows()) {
                table.addCell(centered(row.seat(), 11, true));
                PdfPCell photo = photoCell(row.photo(), 36, 48, 8);
                photo.setMinimumHeight(56);
                table.addCell(photo);
                table.addCell(centered(row.name(), 10, false));
                table.addCell(centered(row.idNumber(), 9.5f, false));
                table.addCell(centered(row.ticketNo(), 9.5f, false));
                table.addCell(value(""));
            }
            document.add(table);

            Paragraph footer = new Paragraph("应到 " + sheet.rows().size() + " 人，实到 ______ 人，缺考 ______ 人。"
                    + "        监考员签名：____________________", fonts.font(10));
            footer.setSpacingBefore(14);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("sign-in sheet could not be rendered", e);
        }
        return out.toByteArray();
    }

    private void write(List<Ticket> tickets, OutputStream out, String documentTitle) {
        Document document = new Document(PageSize.A4, 48, 48, 44, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(documentTitle);
            document.open();
            boolean first = true;
            for (Ticket ticket : tickets) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, writer, ticket);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("admission ticket could not be rendered", e);
        }
    }

    private void page(Document document, PdfWriter writer, Ticket ticket) throws DocumentException {
        Paragraph batch = new Paragraph(text(ticket.batchName()), fonts.font(13));
        batch.setAlignment(Element.ALIGN_CENTER);
        document.add(batch);
        Paragraph title = new Paragraph("准 考 证", fonts.bold(26));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(4);
        title.setSpacingAfter(18);
        document.add(title);

        PdfPTable facts = new PdfPTable(new float[] {1.25f, 3.55f, 1.6f});
        facts.setWidthPercentage(100);
        PdfPCell photo = photoCell(ticket.photo(), 90, 120, 6);
        photo.setRowspan(5);
        PdfPCell ticketNo = value(ticket.ticketNo());
        ticketNo.setPhrase(new Phrase(text(ticket.ticketNo()), fonts.bold(13)));
        fact(facts, "准考证号", ticketNo, photo);
        fact(facts, "姓　　名", value(ticket.name()), null);
        fact(facts, "身份证号", value(ticket.idNumber()), null);
        fact(facts, "报考岗位", value(String.join("\n", ticket.positions())), null);
        fact(facts, "考试日期", value(ticket.examDate()), null);

        PdfPCell qr = new PdfPCell();
        qr.setRowspan(5);
        qr.setPadding(6);
        qr.setHorizontalAlignment(Element.ALIGN_CENTER);
        qr.setVerticalAlignment(Element.ALIGN_MIDDLE);
        Image code = QrCodes.image(writer, ticket.ticketNo(), QR_SIZE);
        code.setAlignment(Element.ALIGN_CENTER);
        qr.addElement(code);
        Paragraph scan = new Paragraph("扫码核验", fonts.font(8));
        scan.setAlignment(Element.ALIGN_CENTER);
        qr.addElement(scan);
        fact(facts, "考点名称", value(ticket.siteName()), qr);
        fact(facts, "考点地址", value(ticket.siteAddress()), null);
        fact(facts, "考　　场", value(ticket.room()), null);
        PdfPCell seat = value(ticket.seat());
        seat.setPhrase(new Phrase(text(ticket.seat()), fonts.bold(13)));
        fact(facts, "座 位 号", seat, null);
        fact(facts, "考试场次", value(String.join("\n", ticket.sessions())), null);
        document.add(facts);

        if (!ticket.rules().isEmpty()) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingBefore(18);
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(FRAME);
            cell.setPaddingLeft(14);
            cell.setPaddingRight(14);
            cell.setPaddingBottom(12);
            Paragraph heading = new Paragraph("考 生 须 知", fonts.bold(14));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(6);
            cell.addElement(heading);
            com.lowagie.text.List rules = new com.lowagie.text.List(true, 16);
            for (String rule : ticket.rules()) {
                ListItem item = new ListItem(16, rule, fonts.font(10.5f));
                item.setSpacingAfter(3);
                rules.add(item);
            }
            cell.addElement(rules);
            box.addCell(cell);
            document.add(box);
        }
    }

    /** A label/value row; {@code side} is the right-hand cell that spans the following rows, if it starts here. */
    private void fact(PdfPTable table, String label, PdfPCell value, PdfPCell side) {
        PdfPCell head = label(label);
        head.setHorizontalAlignment(Element.ALIGN_CENTER);
        head.setMinimumHeight(ROW_HEIGHT);
        value.setMinimumHeight(ROW_HEIGHT);
        table.addCell(head);
        table.addCell(value);
        if (side != null) {
            table.addCell(side);
        }
    }

    private PdfPCell label(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.bold(10.5f)));
        cell.setBackgroundColor(LABEL_BACKGROUND);
        cell.setPadding(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private PdfPCell value(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text(text), fonts.font(10.5f)));
        // the default leading (1 × font size) crowds the lines of several positions or sessions
        cell.setLeading(0, 1.5f);
        cell.setPadding(5);
        cell.setPaddingTop(3);
        cell.setPaddingLeft(8);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private PdfPCell centered(String text, float size, boolean bold) {
        PdfPCell cell = new PdfPCell(new Phrase(text(text), bold ? fonts.bold(size) : fonts.font(size)));
        cell.setPadding(4);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private PdfPCell plain(String text, float size) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.font(size)));
        cell.setBorder(0);
        return cell;
    }

    private PdfPCell photoCell(byte[] photo, float width, float height, float padding) {
        if (photo == null) {
            PdfPCell cell = new PdfPCell(new Phrase("照片", fonts.font(height > 60 ? 12 : 9)));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(padding);
            return cell;
        }
        try {
            Image image = Image.getInstance(photo);
            image.scaleToFit(width, height);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setPadding(padding);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            return cell;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
