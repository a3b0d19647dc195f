package org.kaowu.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text UTF-8 e-mail through the server's mail session {@code mail/kaowu} (host, port, user and
 * sender address come from {@code payara-config}; {@code KAOWU_MAIL_*} in the environment). The subject is
 * RFC 2047-encoded so Chinese subjects survive every mail client.
 */
@ApplicationScoped
public class MailSender {

    public static final String PROVIDER = "smtp";
    /** Milliseconds; Jakarta Mail waits forever by default, which would stall the whole outbox. */
    static final String CONNECT_TIMEOUT_MS = "10000";
    static final String IO_TIMEOUT_MS = "20000";

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    @Resource(lookup = "mail/kaowu")
    private Session session;

    /**
     * Bounds every wait unless the server configuration already does. Only fills in what is missing, so a
     * timeout set on the mail resource in payara-config wins.
     */
    @PostConstruct
    void boundWaiting() {
        Properties properties = session.getProperties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.putIfAbsent("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT_MS);
            properties.putIfAbsent("mail." + protocol + ".timeout", IO_TIMEOUT_MS);
            properties.putIfAbsent("mail." + protocol + ".writetimeout", IO_TIMEOUT_MS);
        }
    }

    /**
     * @return {@value #PROVIDER}
     * @throws DeliveryException when the address is unusable or the mail server did not take the message
     */
    public String send(String address, String subject, String body) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(); // the session's mail.from, i.e. the resource's sender address
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            message.setSubject(subject, UTF_8);
            message.setText(body, UTF_8);
            message.setSentDate(new Date());
            Transport.send(message);
            return PROVIDER;
        } catch (AddressException e) {
            throw new DeliveryException("invalid e-mail address", e);
        } catch (MessagingException e) {
            throw new DeliveryException("mail server did not take the message: " + e.getMessage(), e);
        }
    }
}
