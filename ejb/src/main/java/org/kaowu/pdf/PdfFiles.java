package org.kaowu.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Whole PDFs put together, e.g. a room's sign-in sheet followed by all its tickets. */
public final class PdfFiles {

    private PdfFiles() {
    }

    /** The pages of every document in order, as one PDF (fonts stay embedded per part). */
    public static byte[] concat(List<byte[]> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            for (byte[] part : documents) {
                PdfReader reader = new PdfReader(part);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                copy.freeReader(reader);
                reader.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDFs could not be put together", e);
        }
        return out.toByteArray();
    }
}
