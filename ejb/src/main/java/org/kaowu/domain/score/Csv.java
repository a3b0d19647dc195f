package org.kaowu.domain.score;

/** Writing side of RFC 4180, shared by the rejected-lines file, the template and the generator. */
final class Csv {

    private Csv() {
    }

    /** Quotes when the cell holds a comma, quote, CR or LF (or when forced), doubling inner quotes. */
    static void append(StringBuilder out, String cell, boolean forceQuotes) {
        String value = cell == null ? "" : cell;
        boolean quote = forceQuotes;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    static String join(Iterable<String> cells) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String cell : cells) {
            if (!first) {
                out.append(',');
            }
            append(out, cell, false);
            first = false;
        }
        return out.toString();
    }
}
