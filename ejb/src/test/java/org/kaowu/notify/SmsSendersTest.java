package org.kaowu.notify;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsSendersTest {

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void devIsTheDefault() {
        assertEquals("dev", SmsSenders.providerName(settings(Map.of())));
        assertEquals("dev", SmsSenders.providerName(settings(Map.of(SmsSenders.PROVIDER, "  "))));
        assertInstanceOf(DevSmsSender.class, SmsSenders.create("dev", settings(Map.of())));
    }

    @Test
    void providerNameIsForgiving() {
        assertEquals("http", SmsSenders.providerName(settings(Map.of(SmsSenders.PROVIDER, " HTTP "))));
    }

    @Test
    void httpWithAllSettings() {
        SmsSender sender = SmsSenders.create("http", settings(Map.of(
                SmsSenders.HTTP_URL, "https://sms.example.com/send",
                SmsSenders.HTTP_KEY, "secret",
                SmsSenders.HTTP_TEMPLATE, "SMS_001")));
        assertInstanceOf(HttpSmsSender.class, sender);
    }

    @Test
    void httpNamesEveryMissingSettingButNoValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SmsSenders.create("http", settings(Map.of(SmsSenders.HTTP_KEY, "secret"))));
        assertTrue(e.getMessage().contains(SmsSenders.HTTP_URL), e.getMessage());
        assertTrue(e.getMessage().contains(SmsSenders.HTTP_TEMPLATE), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void unknownProviderFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SmsSenders.create("aliyun", settings(Map.of())));
        assertTrue(e.getMessage().contains("aliyun"));
    }

    @Test
    void devSenderSendsNothingAndSaysSo() {
        assertEquals("dev", new DevSmsSender().send("13800138000", "验证码 123456"));
    }
}
