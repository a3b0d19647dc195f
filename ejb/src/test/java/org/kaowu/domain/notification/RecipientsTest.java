package org.kaowu.domain.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "15912345678", "19999999999", "16600000000"})
    void acceptsMainlandMobileNumbers(String mobile) {
        assertTrue(Recipients.isMobile(mobile));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12800138000", "1380013800", "138001380000", "1380013800a", "+8613800138000",
            "138 0013 8000", "１３８００１３８０００", "23800138000"})
    void refusesEverythingElseAsMobile(String mobile) {
        assertFalse(Recipients.isMobile(mobile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhang.san@example.com", "li+exam@mail.example.cn", "wang_wu@qq.com", "a@b.co"})
    void acceptsAddressShapedEmails(String address) {
        assertTrue(Recipients.isEmail(address));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"zhangsan", "zhangsan@", "@example.com", "zhang san@example.com", "zhangsan@example",
            "a@b@example.com", "zhangsan@example..com", "zhangsan@.example.com", "x@example.com\r\nBcc: y@z.com"})
    void refusesMalformedEmails(String address) {
        assertFalse(Recipients.isEmail(address));
    }

    @Test
    void refusesAddressesLongerThanTheColumn() {
        String local = "a".repeat(OutboxMessage.RECIPIENT_LENGTH - "@example.com".length());
        assertTrue(Recipients.isEmail(local + "@example.com"));
        assertFalse(Recipients.isEmail(local + "a@example.com"));
    }

    @Test
    void masksTheMiddleOfMobileNumbers() {
        assertEquals("138****1234", Recipients.maskMobile("13812341234"));
        assertEquals("159****5678", Recipients.maskMobile("15912345678"));
    }

    @Test
    void leavesOtherRecipientsAlone() {
        assertEquals("zhang.san@example.com", Recipients.maskMobile("zhang.san@example.com"));
        assertNull(Recipients.maskMobile(null));
    }
}
