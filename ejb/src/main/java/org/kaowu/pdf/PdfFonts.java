package org.kaowu.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.awt.Color;

/**
 * The CJK font every document uses (Debian fonts-wqy-zenhei by default; {@code kaowu.pdf.font} names another
 * file, with {@code ,index} for a collection). Parsed once: creating a BaseFont per document is slow.
 * Subset-embedded, so a page carries only the glyphs it uses.
 */
@ApplicationScoped
public class PdfFonts {

    @Inject
    @ConfigProperty(name = "kaowu.pdf.font", defaultValue = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0")
    String fontPath;

    private volatile BaseFont base;

    public BaseFont base() {
        BaseFont font = base;
        if (font == null) {
            synchronized (this) {
                if (base == null) {
                    try {
                        base = BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    } catch (Exception e) {
                        throw new IllegalStateException("CJK font not found at " + fontPath
                                + " (install fonts-wqy-zenhei or set kaowu.pdf.font)", e);
                    }
                }
                font = base;
            }
        }
        return font;
    }

    public Font font(float size) {
        return new Font(base(), size, Font.NORMAL, Color.BLACK);
    }

    public Font bold(float size) {
        return new Font(base(), size, Font.BOLD, Color.BLACK);
    }
}
