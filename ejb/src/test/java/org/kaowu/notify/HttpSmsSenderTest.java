package org.kaowu.notify;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a throw-away gateway on a free loopback port (the JDK's own HTTP server). */
class HttpSmsSenderTest {

    private static final String KEY = "sk_test_4f2a9c0e7b";

    private HttpServer gateway;
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int answerStatus = 200;
    private volatile String answer = "{\"code\":\"OK\"}";
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/sms", exchange -> {
            method.set(exchange.getRequestMethod());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answerStatus, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        release.countDown();
        gateway.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
    }

    @Test
    void postsJsonWithTheBearerKey() throws DeliveryException {
        HttpSmsSender sender = new HttpSmsSender(url(), KEY, "SMS_001");
        assertEquals("http", sender.send("13800138000", "【省考试中心】验证码 123456，5 分钟内有效。"));
        assertEquals("POST", method.get());
        assertEquals("Bearer " + KEY, authorization.get());
        assertTrue(contentType.get().startsWith("application/json"));
        assertEquals("{\"mobile\":\"13800138000\",\"text\":\"【省考试中心】验证码 123456，5 分钟内有效。\","
                + "\"template\":\"SMS_001\"}", body.get());
    }

    @Test
    void anyTwoHundredIsSuccess() throws DeliveryException {
        answerStatus = 202;
        answer = "";
        assertEquals("http", new HttpSmsSender(url(), KEY, "T").send("13800138000", "x"));
    }

    @Test
    void refusalBecomesADeliveryExceptionNamingStatusAndAnswerButNotTheKey() {
        answerStatus = 401;
        answer = "{\"error\":\"bad key\"}";
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new HttpSmsSender(url(), KEY, "T").send("13800138000", "x"));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(e.getMessage().contains("bad key"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void longAnswersAreCut() {
        answerStatus = 500;
        answer = "x".repeat(5000);
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new HttpSmsSender(url(), KEY, "T").send("13800138000", "x"));
        assertTrue(e.getMessage().length() < HttpSmsSender.ANSWER_EXCERPT + 100, e.getMessage());
    }

    @Test
    void redirectsAreNotFollowed() {
        answerStatus = 302;
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new HttpSmsSender(url(), KEY, "T").send("13800138000", "x"));
        assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
    }

    @Test
    void aHangingGatewayTimesOut() {
        hang = true;
        HttpSmsSender sender = new HttpSmsSender(url(), KEY, "T", Duration.ofSeconds(2), Duration.ofMillis(300));
        long start = System.nanoTime();
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send("13800138000", "x"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(e.getMessage().contains("in time"), e.getMessage());
    }

    @Test
    void anUnreachableGatewayIsADeliveryException() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        HttpSmsSender sender = new HttpSmsSender(URI.create("http://127.0.0.1:" + freePort + "/sms"), KEY, "T");
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send("13800138000", "x"));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void onlyHttpUrls() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpSmsSender(URI.create("ftp://gateway.example.com/sms"), KEY, "T"));
        assertThrows(IllegalArgumentException.class, () -> new HttpSmsSender(URI.create("/sms"), KEY, "T"));
    }

    @Test
    void keyMustBeAUsableHeaderValueAndIsNotEchoed() {
        for (String key : new String[] {"密钥", "two words", "line\nbreak", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new HttpSmsSender(url(), key, "T"));
            assertFalse(!key.isEmpty() && e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void jsonEscapesWhatItMust() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", HttpSmsSender.quote("say \"hi\" \\ bye"));
        assertEquals("\"a\\nb\\rc\\td\"", HttpSmsSender.quote("a\nb\rc\td"));
        assertEquals("\"\\u0001\\u2028\"", HttpSmsSender.quote("\u0001\u2028"));
        assertEquals("\"中文 ok\"", HttpSmsSender.quote("中文 ok"));
        assertEquals("null", HttpSmsSender.quote(null));
    }
}
