package org.kaowu.pdf;

/** A QR code as inline SVG for web pages (the print-friendly ticket), from the same matrix as the PDF's. */
public final class QrSvg {

    private QrSvg() {
    }

    /** An {@code <svg>} element, one path of dark modules, quiet zone included; scales to its box. */
    public static String of(String text) {
        boolean[][] m = QrCodes.matrix(text);
        int size = m.length + 2 * QrCodes.QUIET_ZONE;
        StringBuilder path = new StringBuilder(m.length * m.length * 4);
        for (int y = 0; y < m.length; y++) {
            for (int x = 0; x < m[y].length; x++) {
                if (m[y][x]) {
                    path.append('M').append(x + QrCodes.QUIET_ZONE).append(',').append(y + QrCodes.QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
