package org.kaowu.domain.score;

/** Normalisation shared by the reader and the rules; package-private on purpose. */
final class Text {

    private Text() {
    }

    /**
     * Trims whitespace including the ideographic space (U+3000) and no-break space that Chinese Excel and
     * copy-paste leave around values; {@link String#strip()} alone misses U+00A0.
     */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
    }

    /** Full-width digits, letters and ．(U+FF0E) to ASCII: Chinese input methods in full-width mode type these. */
    static String halfWidth(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c - 0xFEE0));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Header names compare without any whitespace: "成 绩" and " 成绩 " both mean 成绩. */
    static String headerKey(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isBlank(String s) {
        return trim(s).isEmpty();
    }
}
