package org.kaowu.domain.score;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reader written here rather than commons-csv: it needs the record number, the record's raw text,
 * a cap on record length (an unclosed quote must not pull a 200 MB file into one string) and a skip that does
 * not build cells — all simpler in 150 lines than around a library. Lenient where Excel is: a stray quote
 * inside an unquoted field is kept as text; text after a closing quote is appended.
 */
final class CsvRecordSource implements RecordSource {

    static final Charset GBK = Charset.forName("GBK");
    /** Enough for the header and many lines; the header alone decides in practice (see {@link #detect}). */
    static final int SAMPLE_BYTES = 64 * 1024;
    /** A score line is under 200 characters; anything this long is a runaway quoted field. */
    static final int MAX_RECORD_CHARS = 64 * 1024;

    /** Returned by a skipped read so the skip loop can tell "record discarded" from "end of file". */
    private static final RawRecord SKIPPED = new RawRecord(0, List.of(), "", null);

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private final StringBuilder field = new StringBuilder(64);
    private final StringBuilder raw = new StringBuilder(256);

    private CsvRecordSource(Reader reader) {
        this.reader = reader;
    }

    /** Result of sniffing the first bytes. */
    record Detected(Charset charset, int bomLength) {
    }

    /**
     * Opens {@code in} as CSV, the charset chosen from its first {@value #SAMPLE_BYTES} bytes. Bytes that are
     * invalid in the chosen charset become U+FFFD and the line is rejected, rather than failing the file
     * half-way through.
     */
    static CsvRecordSource open(InputStream in, Detected detected, byte[] sample, int sampleLength) {
        InputStream all = new SequenceInputStream(
                new ByteArrayInputStream(sample, detected.bomLength(), sampleLength - detected.bomLength()), in);
        CharsetDecoder decoder = detected.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new CsvRecordSource(new InputStreamReader(all, decoder));
    }

    /**
     * UTF-8 BOM → UTF-8. Otherwise: if the sample decodes as strict UTF-8 → UTF-8, else GBK (what Chinese
     * Excel's "CSV (逗号分隔)" writes: the ANSI code page 936). Safe because the header must contain Chinese
     * column names: a UTF-8 file is valid UTF-8 by definition, while GBK-encoded Chinese practically never is
     * (a GBK character is two bytes 0x81–0xFE + 0x40–0xFE; strict UTF-8 needs a lead byte followed by exactly
     * the right number of 0x80–0xBF bytes, and the header's ~12 Chinese characters would all have to line up).
     * So the header alone decides; the sample only adds margin. A multi-byte sequence cut at the end of the
     * sample is not counted as invalid.
     */
    static Detected detect(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = strict.decode(ByteBuffer.wrap(sample, 0, length), out, false);
        // endOfInput=false: an incomplete sequence at the very end leaves underflow, not an error.
        return new Detected(result.isError() ? GBK : StandardCharsets.UTF_8, 0);
    }

    private int nextChar() throws IOException {
        if (pos == limit) {
            if (eof) {
                return -1;
            }
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buffer[pos++];
    }

    private int peekChar() throws IOException {
        int c = nextChar();
        if (c != -1) {
            pos--;
        }
        return c;
    }

    @Override
    public RawRecord next() throws IOException {
        return read(true);
    }

    @Override
    public void skipThrough(long target) throws IOException {
        while (lineNumber < target && read(false) != null) {
            // discard
        }
    }

    /** Reads one record; with {@code keep} false only the quoting state is tracked. Null at the end. */
    private RawRecord read(boolean keep) throws IOException {
        int c = nextChar();
        if (c == -1) {
            return null;
        }
        lineNumber++;
        List<String> cells = keep ? new ArrayList<>(8) : null;
        field.setLength(0);
        raw.setLength(0);
        boolean quoted = false;      // inside "..."
        boolean atFieldStart = true;
        int length = 0;
        while (c != -1) {
            if (++length > MAX_RECORD_CHARS) {
                throw new ScoreFileException("score.file.recordTooLong", lineNumber);
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peekChar() == '"') {
                        nextChar();
                        if (keep) {
                            field.append('"');
                            raw.append("\"\"");
                        }
                    } else {
                        quoted = false;
                        if (keep) {
                            raw.append('"');
                        }
                    }
                } else if (keep) {
                    field.append(ch);
                    raw.append(ch);
                }
            } else if (ch == ',') {
                if (keep) {
                    cells.add(field.toString());
                    field.setLength(0);
                    raw.append(',');
                }
                atFieldStart = true;
                c = nextChar();
                continue;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peekChar() == '\n') {
                    nextChar();
                }
                break;
            } else if (ch == '"' && atFieldStart) {
                quoted = true;
                if (keep) {
                    raw.append('"');
                }
            } else if (keep) {
                field.append(ch);
                raw.append(ch);
            }
            atFieldStart = false;
            c = nextChar();
        }
        if (!keep) {
            return SKIPPED;
        }
        cells.add(field.toString());
        return new RawRecord(lineNumber, cells, raw.toString(), null);
    }


    @Override
    public void close() throws IOException {
        reader.close();
    }
}
