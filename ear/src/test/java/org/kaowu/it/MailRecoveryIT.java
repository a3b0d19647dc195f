package org.kaowu.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.notification.MessageStatus;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.notify.OutboxDispatcher;
import org.kaowu.service.NotificationService;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing is lost while the mail server is down: an e-mail waits in the outbox, and once a mail server
 * (GreenMail, started inside Payara on the test domain's mail port) answers, the retry delivers it with
 * its Chinese subject and body intact.
 */
@ExtendWith(ArquillianExtension.class)
class MailRecoveryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.earWithLibraries(new Class<?>[] {GreenMail.class, org.slf4j.Logger.class},
                MailRecoveryIT.class);
    }

    @Inject
    NotificationService notifications;
    @Inject
    OutboxDispatcher dispatcher;
    @Resource(lookup = "mail/kaowu")
    Session mailSession;

    @Test
    void emailWaitsForTheMailServerAndIsDeliveredWhenItIsBack() throws Exception {
        String address = "recovery-" + TestData.code(10).toLowerCase(Locale.ROOT) + "@example.com";
        notifications.email(address, "报名审核结果通知", "您好：\n您的报名已通过审核，请按时缴费。\n省考试中心");
        dispatcher.deliverNow();
        OutboxMessage waiting = only(address);
        assertEquals(MessageStatus.PENDING, waiting.getStatus(), "no mail server yet: the message waits");
        assertTrue(waiting.getAttempts() >= 1);

        int port = Integer.parseInt(mailSession.getProperty("mail.smtp.port").strip());
        GreenMail mailServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        try {
            // the first retry falls due 30 s after the failure; the dispatcher's timer or deliverNow sends it
            TestData.waitUntil(() -> {
                dispatcher.deliverNow();
                return only(address).getStatus() == MessageStatus.SENT;
            }, Duration.ofSeconds(120));
            MimeMessage received = Arrays.stream(mailServer.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                    .anyMatch(a -> a.toString().contains(address));
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .findFirst().orElseThrow(() -> new AssertionError("the mail server got no message for " + address));
            assertEquals("报名审核结果通知", received.getSubject());
            assertTrue(String.valueOf(received.getContent()).contains("您的报名已通过审核"));
        } finally {
            mailServer.stop();
        }
    }

    private OutboxMessage only(String recipient) {
        List<OutboxMessage> messages = notifications.search(Channel.EMAIL, null, recipient, 0, 10);
        assertEquals(1, messages.size());
        return messages.get(0);
    }
}
