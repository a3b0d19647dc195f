package org.kaowu.domain.score;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams the first sheet of an XLSX: POI's {@link XSSFReader} hands out the sheet XML, shared strings and
 * styles; the sheet is pulled with StAX rather than pushed through SAX/{@code XSSFSheetXMLHandler}, because
 * the reader API is pull-style (iterator, skip) and a SAX push would need a second thread and a queue —
 * unmanaged threads are out of place in a batch reader. Memory: the shared-strings table (POI keeps it in
 * memory; roughly the distinct texts, i.e. the names) plus one row.
 * <p>
 * A formula cell yields its cached value; without one, or with an error value, the cell is flagged. A numeric
 * cell with a date format is flagged as a date.
 */
final class XlsxRecordSource implements RecordSource {

    /** Excel shows 15 significant digits; more are binary noise (85.1 stored as 85.09999999999999). */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter();
    private long lastRow;

    private XlsxRecordSource(OPCPackage pkg, InputStream sheet, XMLStreamReader xml,
                             ReadOnlySharedStringsTable strings, StylesTable styles) {
        this.pkg = pkg;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
    }

    static XlsxRecordSource open(Path file) {
        OPCPackage pkg = null;
        try {
            // From a file, not a stream: POI then reads the zip entries in place instead of buffering all.
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ScoreFileException("score.file.empty");
            }
            InputStream sheet = sheets.next();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            // No DTDs, no external entities: the file comes from outside (XXE).
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(sheet);
            return new XlsxRecordSource(pkg, sheet, xml, strings, styles);
        } catch (ScoreFileException e) {
            closeQuietly(pkg);
            throw e;
        } catch (Exception e) {
            // Not an OOXML spreadsheet (another zip, a .docx, a broken file): one clear file-level error.
            closeQuietly(pkg);
            throw new ScoreFileException("score.file.unsupportedFormat").withCause(e);
        }
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            return nextRow(true);
        } catch (XMLStreamException e) {
            throw new ScoreFileException("score.file.unreadable").withCause(e);
        }
    }

    @Override
    public void skipThrough(long lineNumber) throws IOException {
        try {
            while (lastRow < lineNumber && nextRow(false) != null) {
                // discard
            }
        } catch (XMLStreamException e) {
            throw new ScoreFileException("score.file.unreadable").withCause(e);
        }
    }

    private static final RawRecord SKIPPED = new RawRecord(0, List.of(), "", null);

    private RawRecord nextRow(boolean keep) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                String r = xml.getAttributeValue(null, "r");
                lastRow = r == null ? lastRow + 1 : Long.parseLong(r);
                if (!keep) {
                    skipElement();
                    return SKIPPED;
                }
                return readRow();
            }
        }
        return null;
    }

    /** Reads the cells of the current {@code <row>} up to its end tag. */
    private RawRecord readRow() throws XMLStreamException {
        List<String> cells = new ArrayList<>(8);
        RawRecord.CellIssue[] issues = null;
        int nextIndex = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(xml.getLocalName())) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int index = ref == null ? nextIndex : columnIndex(ref);
            while (cells.size() < index) {
                cells.add("");
            }
            Cell cell = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
            cells.add(cell.value);
            if (cell.issue != null) {
                if (issues == null) {
                    issues = new RawRecord.CellIssue[Math.max(16, index + 1)];
                } else if (issues.length <= index) {
                    issues = java.util.Arrays.copyOf(issues, index + 16);
                }
                issues[index] = cell.issue;
            }
            nextIndex = index + 1;
        }
        return new RawRecord(lastRow, cells, Csv.join(cells), issues);
    }

    private record Cell(String value, RawRecord.CellIssue issue) {
    }

    /** Reads one {@code <c>}: its {@code <f>}, {@code <v>} and inline {@code <is>} children. */
    private Cell readCell(String type, String style) throws XMLStreamException {
        boolean formula = false;
        String v = null;
        StringBuilder inline = null;
        int phonetic = 0;   // <rPh> runs hold furigana/pinyin hints, not cell text
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "f" -> {
                        formula = true;
                        xml.getElementText();
                    }
                    case "v" -> v = xml.getElementText();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String text = xml.getElementText();
                        if (phonetic == 0) {
                            inline = inline == null ? new StringBuilder() : inline;
                            inline.append(text);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic--;
                } else if ("c".equals(name)) {
                    break;
                }
            }
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s":
                return new Cell(v == null ? "" : strings.getItemAt(Integer.parseInt(v.trim())).getString(), null);
            case "inlineStr":
                return new Cell(inline == null ? "" : inline.toString(), null);
            case "str":
                return new Cell(v == null ? "" : v, formula && v == null ? RawRecord.CellIssue.FORMULA_WITHOUT_VALUE : null);
            case "b":
                return new Cell("1".equals(v) ? "TRUE" : "FALSE", null);
            case "e":
                return new Cell(v == null ? "#ERROR" : v, RawRecord.CellIssue.ERROR_VALUE);
            case "d":
                return new Cell(v == null ? "" : v, RawRecord.CellIssue.DATE);
            default:
                if (v == null || v.isEmpty()) {
                    return new Cell("", formula ? RawRecord.CellIssue.FORMULA_WITHOUT_VALUE : null);
                }
                if (style != null && isDateStyle(Integer.parseInt(style))) {
                    return new Cell(formatDate(Double.parseDouble(v), Integer.parseInt(style)), RawRecord.CellIssue.DATE);
                }
                return new Cell(plainNumber(v), null);
        }
    }

    static String plainNumber(String v) {
        try {
            return new BigDecimal(v.trim()).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private boolean isDateStyle(int index) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(index, i -> {
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            return cellStyle != null
                    && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    private String formatDate(double value, int styleIndex) {
        XSSFCellStyle cellStyle = styles.getStyleAt(styleIndex);
        return formatter.formatRawCellContents(value, cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

    /** "AB12" → 27 (0-based column). */
    static int columnIndex(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader we only read from: nothing to lose
        }
        sheet.close();
        pkg.revert();   // READ access: revert closes without trying to save
    }

    private static void closeQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
