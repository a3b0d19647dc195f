package org.kaowu.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaowu.domain.notification.Channel;
import org.kaowu.domain.notification.MessageStatus;
import org.kaowu.domain.notification.OutboxMessage;
import org.kaowu.exception.BusinessException;
import org.kaowu.notify.OutboxDispatcher;
import org.kaowu.service.NotificationService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notification outbox inside the server: a message lives and dies with its transaction, the dispatcher
 * delivers it, and a failed delivery is recorded and scheduled again. Each test has its own recipient; the
 * dispatcher's timer runs meanwhile, so the tests assert the state a message reaches, never who got it there.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear(OutboxIT.class);
    }

    @Inject
    NotificationService notifications;
    @Inject
    OutboxDispatcher dispatcher;
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;
    @Resource(lookup = "mail/kaowu")
    Session mailSession;

    @Test
    void messageOfARolledBackTransactionIsNeverQueued() throws Exception {
        String mobile = mobile();
        transaction.begin();
        try {
            notifications.sms(mobile, "【省考试中心】测试：这条短信随事务回滚，不应出现。");
            // the business change then breaks a rule: its BusinessException dooms the whole transaction
            BusinessException e = assertThrows(BusinessException.class, () -> notifications.sms("12345", "无效号码"));
            assertEquals("notification.mobileInvalid", e.getMessageKey());
            assertEquals(Status.STATUS_MARKED_ROLLBACK, transaction.getStatus());
        } finally {
            transaction.rollback();
        }

        assertEquals(0, notifications.count(null, null, mobile), "the message went with the transaction");
        dispatcher.deliverNow();
        assertEquals(0, notifications.count(null, null, mobile));
    }

    @Test
    void committedSmsIsSentByTheDevProvider() {
        String mobile = mobile();
        notifications.sms(mobile, "【省考试中心】测试验证码 123456，5 分钟内有效。");
        OutboxMessage queued = only(Channel.SMS, mobile);
        assertEquals("【省考试中心】测试验证码 123456，5 分钟内有效。", queued.getBody());

        dispatcher.deliverNow();

        OutboxMessage sent = only(Channel.SMS, mobile);
        assertEquals(MessageStatus.SENT, sent.getStatus());
        assertEquals("dev", sent.getProvider());
        assertNotNull(sent.getSentAt());
        assertEquals(1, sent.getAttempts());
        assertNull(sent.getLastError());
    }

    @Test
    void emailToAMailServerThatIsDownIsRetriedLater() {
        assumeMailServerDown();
        String address = "outbox-" + TestData.code(10).toLowerCase(Locale.ROOT) + "@example.com";
        notifications.email(address, "报名审核结果通知", "您好：\n您的报名已通过审核，请按时缴费。\n省考试中心");

        dispatcher.deliverNow();

        OutboxMessage message = only(Channel.EMAIL, address);
        assertEquals(MessageStatus.PENDING, message.getStatus());
        assertEquals(1, message.getAttempts());
        assertNotNull(message.getLastError());
        assertNull(message.getSentAt());
        // first retry 30 s after the failed attempt, which itself came after the message was written
        assertTrue(message.getNextAttemptAt().isAfter(message.getCreatedAt().plusSeconds(20)),
                () -> "next attempt " + message.getNextAttemptAt() + ", created " + message.getCreatedAt());
        assertTrue(message.getNextAttemptAt().isAfter(LocalDateTime.now()), "not due again right away");
    }

    @Test
    void adminListFindsAMessageByPartOfItsRecipient() {
        String mobile = mobile();
        notifications.sms(mobile, "【省考试中心】测试：查询。");

        List<OutboxMessage> found = notifications.search(null, null, mobile.substring(3), 0, 10);
        assertEquals(1, found.stream().filter(m -> m.getRecipient().equals(mobile)).count());
        assertEquals(1, notifications.count(Channel.SMS, null, mobile));
        assertEquals(0, notifications.count(Channel.EMAIL, null, mobile));
        assertEquals(0, notifications.count(null, MessageStatus.FAILED, mobile));
    }

    @Test
    void malformedRecipientsAreRefusedWithTheirKeys() {
        assertEquals("notification.mobileInvalid",
                assertThrows(BusinessException.class, () -> notifications.sms("1390000", "x")).getMessageKey());
        assertEquals("notification.emailInvalid", assertThrows(BusinessException.class,
                () -> notifications.email("not-an-address", "主题", "正文")).getMessageKey());
    }

    /** A fresh mainland mobile number (139 and 8 random digits). */
    private static String mobile() {
        return String.format("139%08d", RANDOM.nextInt(100_000_000));
    }

    private OutboxMessage only(Channel channel, String recipient) {
        List<OutboxMessage> messages = notifications.search(channel, null, recipient, 0, 10);
        assertEquals(1, messages.size(), () -> "messages to " + recipient + ": " + messages);
        return messages.get(0);
    }

    /**
     * The test domain's mail session points at KAOWU_MAIL_HOST (default localhost:25), where normally nothing
     * listens. Where a mail server does answer, this test cannot watch a failure and is skipped.
     */
    private void assumeMailServerDown() {
        String host = mailSession.getProperty("mail.smtp.host");
        if (host == null) {
            host = mailSession.getProperty("mail.host");
        }
        if (host == null) {
            host = "localhost";
        }
        String portProperty = mailSession.getProperty("mail.smtp.port");
        int port = portProperty == null ? 25 : Integer.parseInt(portProperty.strip());
        boolean answers;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        assumeTrue(!answers, "a mail server answers at " + host + ":" + port + "; this test needs none");
    }
}
