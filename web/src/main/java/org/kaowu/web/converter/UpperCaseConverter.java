package org.kaowu.web.converter;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import java.util.Locale;

/**
 * Codes (考点代码, 岗位代码) are capital letters and digits; staff often type them in lower case, so the input
 * is trimmed and upper-cased before bean validation checks the pattern.
 */
@FacesConverter("kw.upperCase")
public class UpperCaseConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
