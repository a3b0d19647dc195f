package org.kaowu.service;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of SMS and e-mails (bundle org/kaowu/service/notifications.properties), filled in. */
final class NotificationTexts {

    private NotificationTexts() {
    }

    static String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("org.kaowu.service.notifications", Locale.ROOT).getString(key);
        return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(arguments);
    }
}
