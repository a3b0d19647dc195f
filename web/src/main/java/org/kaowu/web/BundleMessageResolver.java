package org.kaowu.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import org.kaowu.web.view.LocaleBacking;
import org.omnifaces.cdi.Eager;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Lets OmniFaces {@code Messages.addGlobalError(key, args)} take bundle keys (what every
 * BusinessException carries) and show them in the user's language.
 */
@Eager
@ApplicationScoped
public class BundleMessageResolver implements Messages.Resolver {

    public static final String BUNDLE = "org.kaowu.web.messages";

    /**
     * The language the user chose (kept in the session), not the view root's: a message added in a view
     * action or before the view is built would otherwise follow the browser's Accept-Language.
     */
    private Locale locale() {
        try {
            return userLocale.getLocale();
        } catch (ContextNotActiveException noSession) {
            return Faces.hasContext() ? Faces.getLocale() : LocaleBacking.CHINESE;
        }
    }

    @PostConstruct
    void install() {
        Messages.setResolver(this);
    }

    @Inject
    private LocaleBacking userLocale;

    @Override
    public String getMessage(String key, Object... arguments) {
        Locale locale = locale();
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key; // a missing key shows itself, so it gets noticed and added
        }
        return arguments == null || arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
