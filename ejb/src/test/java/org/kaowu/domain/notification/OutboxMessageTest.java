package org.kaowu.domain.notification;

import org.junit.jupiter.api.Test;
import org.kaowu.exception.BusinessException;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxMessageTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 9, 0);

    @Test
    void newSmsIsPendingAndDueAtOnce() {
        OutboxMessage sms = OutboxMessage.sms(" 13800138000 ", "验证码 123456", NOW);
        assertEquals(Channel.SMS, sms.getChannel());
        assertEquals("13800138000", sms.getRecipient());
        assertNull(sms.getSubject());
        assertEquals(MessageStatus.PENDING, sms.getStatus());
        assertEquals(0, sms.getAttempts());
        assertEquals(NOW, sms.getCreatedAt());
        assertTrue(sms.isDueAt(NOW));
        assertFalse(sms.isDueAt(NOW.minusSeconds(1)));
    }

    @Test
    void malformedRecipientsAreRefusedWithTheirKeysAndWithoutTheInput() {
        BusinessException mobile = assertThrows(BusinessException.class,
                () -> OutboxMessage.sms("12345", "text", NOW));
        assertEquals("notification.mobileInvalid", mobile.getMessageKey());
        assertEquals(0, mobile.getArguments().length);
        assertEquals("notification.mobileInvalid",
                assertThrows(BusinessException.class, () -> OutboxMessage.sms(null, "text", NOW)).getMessageKey());

        BusinessException email = assertThrows(BusinessException.class,
                () -> OutboxMessage.email("not-an-address", "主题", "正文", NOW));
        assertEquals("notification.emailInvalid", email.getMessageKey());
        assertEquals(0, email.getArguments().length);
    }

    @Test
    void emailSubjectIsOneLine() {
        OutboxMessage email = OutboxMessage.email("zhang.san@example.com ", "报名审核结果\r\nBcc: x@example.com", "正文", NOW);
        assertEquals("zhang.san@example.com", email.getRecipient());
        assertEquals("报名审核结果 Bcc: x@example.com", email.getSubject());
    }

    @Test
    void sentRecordsProviderAndTime() {
        OutboxMessage sms = OutboxMessage.sms("13800138000", "text", NOW);
        sms.sent("dev", NOW.plusSeconds(3));
        assertEquals(MessageStatus.SENT, sms.getStatus());
        assertEquals("dev", sms.getProvider());
        assertEquals(NOW.plusSeconds(3), sms.getSentAt());
        assertEquals(1, sms.getAttempts());
        assertFalse(sms.isDueAt(NOW.plusDays(1)), "a sent message is never due again");
        assertThrows(IllegalStateException.class, () -> sms.sent("dev", NOW));
    }

    @Test
    void failuresBackOffThenGiveUp() {
        OutboxMessage email = OutboxMessage.email("zhang.san@example.com", "主题", "正文", NOW);
        LocalDateTime at = NOW;
        for (int attempt = 1; attempt <= 9; attempt++) {
            email.failed("Connection refused " + attempt, RetryPolicy.DEFAULT, at);
            assertEquals(MessageStatus.PENDING, email.getStatus());
            assertEquals(attempt, email.getAttempts());
            assertEquals("Connection refused " + attempt, email.getLastError());
            assertEquals(at.plus(RetryPolicy.DEFAULT.delayAfter(attempt)), email.getNextAttemptAt());
            assertFalse(email.isDueAt(email.getNextAttemptAt().minusSeconds(1)));
            at = email.getNextAttemptAt();
            assertTrue(email.isDueAt(at));
        }
        email.failed("Connection refused 10", RetryPolicy.DEFAULT, at);
        assertEquals(MessageStatus.FAILED, email.getStatus());
        assertEquals(10, email.getAttempts());
        assertFalse(email.isDueAt(at.plusDays(1)));
        assertNull(email.getSentAt());
        LocalDateTime end = at;
        assertThrows(IllegalStateException.class, () -> email.failed("again", RetryPolicy.DEFAULT, end));
    }

    @Test
    void sendingAfterAFailureKeepsTheLastError() {
        OutboxMessage sms = OutboxMessage.sms("13800138000", "text", NOW);
        sms.failed("HTTP 503", RetryPolicy.DEFAULT, NOW);
        sms.sent("http", NOW.plus(Duration.ofSeconds(30)));
        assertEquals(MessageStatus.SENT, sms.getStatus());
        assertEquals(2, sms.getAttempts());
        assertEquals("HTTP 503", sms.getLastError());
    }

    @Test
    void longErrorsAreCutToTheColumn() {
        OutboxMessage sms = OutboxMessage.sms("13800138000", "text", NOW);
        sms.failed("x".repeat(2000), RetryPolicy.DEFAULT, NOW);
        assertEquals(OutboxMessage.ERROR_LENGTH, sms.getLastError().length());

        OutboxMessage other = OutboxMessage.sms("13800138000", "text", NOW);
        other.failed(" ", RetryPolicy.DEFAULT, NOW);
        assertEquals("unknown error", other.getLastError());
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one character, two chars
        assertEquals("ab", OutboxMessage.truncate("ab" + emoji, 3));
        assertEquals("ab" + emoji, OutboxMessage.truncate("ab" + emoji + "c", 4));
        assertEquals("abc", OutboxMessage.truncate("abc", 3));
        assertNull(OutboxMessage.truncate(null, 3));
    }

    @Test
    void toStringLeavesTheBodyOut() {
        OutboxMessage sms = OutboxMessage.sms("13800138000", "验证码 654321", NOW);
        assertFalse(sms.toString().contains("654321"));
        assertFalse(sms.toString().contains("13800138000"));
    }
}
