package org.kaowu.domain.notification;

import java.util.regex.Pattern;

/**
 * What counts as an SMS or e-mail recipient, and how a mobile number is shown to staff. The e-mail check is
 * deliberately only a shape check (something@domain.tld, no spaces): the mail server is the authority on
 * whether an address exists.
 */
public final class Recipients {

    /** Mainland China mobile numbers: 11 digits, 13x to 19x. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    private Recipients() {
    }

    public static boolean isMobile(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= OutboxMessage.RECIPIENT_LENGTH && EMAIL.matcher(value).matches();
    }

    /**
     * 138****1234: enough for staff to recognise a number without the whole number being on screen. Anything
     * that is not a mobile number is returned as it is (there is nothing sensible to mask).
     */
    public static String maskMobile(String value) {
        if (!isMobile(value)) {
            return value;
        }
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
