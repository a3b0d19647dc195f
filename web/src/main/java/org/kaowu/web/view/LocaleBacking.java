package org.kaowu.web.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.util.Locale;

/** The user's language: Chinese by default, English on request; kept for the session. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Locale locale = CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguageTag() {
        return locale.toLanguageTag();
    }

    public boolean isChinese() {
        return CHINESE.equals(locale);
    }

    /** Switches between Chinese and English and reloads the current page by GET (no form resubmission). */
    public void toggle() {
        locale = isChinese() ? Locale.ENGLISH : CHINESE;
        Faces.refreshWithQueryString();
    }
}
