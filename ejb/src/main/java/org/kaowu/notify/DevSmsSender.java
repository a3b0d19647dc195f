package org.kaowu.notify;

import org.kaowu.domain.notification.Recipients;

import java.util.logging.Logger;

/**
 * The default when no SMS gateway is configured (development, demo, tests): sends nothing. The outbox row
 * itself is the record, and in the demo staff read codes on the admin page 短信/邮件记录. The log names only
 * the masked number, never the text, because the text may be a verification code.
 * <p>
 * Not a CDI bean on purpose: {@link SmsSenders} decides which sender is in use.
 */
public class DevSmsSender implements SmsSender {

    public static final String PROVIDER = "dev";

    private static final Logger LOG = Logger.getLogger(DevSmsSender.class.getName());

    @Override
    public String send(String mobile, String text) {
        LOG.info(() -> "[kaowu-sms] dev provider: SMS to " + Recipients.maskMobile(mobile)
                + " recorded in the outbox, not sent (see /admin/messages)");
        return PROVIDER;
    }
}
