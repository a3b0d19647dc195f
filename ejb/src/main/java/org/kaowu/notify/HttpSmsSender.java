package org.kaowu.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * An SMS gateway reached over HTTP: POSTs {@code {"mobile": …, "text": …, "template": …}} as JSON with
 * {@code Authorization: Bearer <key>}; any 2xx answer means the gateway took the message. Configured by
 * {@code kaowu.sms.http.url}, {@code kaowu.sms.http.key} (a secret: set it in the environment as
 * {@code KAOWU_SMS_HTTP_KEY}, never in git) and {@code kaowu.sms.http.template}.
 * <p>
 * Timeouts on connecting and on the whole exchange, because the dispatcher delivers one message at a time
 * and a hanging gateway would otherwise stall the whole outbox. Redirects are not followed, so the key is
 * only ever sent to the configured address. Not a CDI bean: {@link SmsSenders} creates the one instance.
 */
public class HttpSmsSender implements SmsSender {

    public static final String PROVIDER = "http";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** How much of a refusing gateway's answer goes into last_error. */
    static final int ANSWER_EXCERPT = 200;

    private static final Logger LOG = Logger.getLogger(HttpSmsSender.class.getName());

    private final URI url;
    private final String key;
    private final String template;
    private final Duration requestTimeout;
    private final HttpClient client;

    public HttpSmsSender(URI url, String key, String template) {
        this(url, key, template, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    HttpSmsSender(URI url, String key, String template, Duration connectTimeout, Duration requestTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.key = Objects.requireNonNull(key, "key");
        // checked now rather than on the first message: the JDK refuses such a header value at send time
        if (!key.matches("[\\x21-\\x7E]+")) {
            throw new IllegalArgumentException("kaowu.sms.http.key must be printable ASCII without spaces");
        }
        this.template = Objects.requireNonNull(template, "template");
        this.requestTimeout = requestTimeout;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("kaowu.sms.http.url must be an http(s) URL: " + url);
        }
        if (scheme.equals("http")) {
            LOG.warning(() -> "SMS gateway " + url + " is plain HTTP: the key travels unencrypted");
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String send(String mobile, String text) throws DeliveryException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json(mobile, text, template), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("SMS gateway did not answer in time", e);
        } catch (IOException e) {
            throw new DeliveryException("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending the SMS", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new DeliveryException("SMS gateway answered HTTP " + status + ": " + excerpt(response.body()));
        }
        return PROVIDER;
    }

    /** The request body. Built by hand: the JDK has no JSON, and three strings do not justify a library. */
    static String json(String mobile, String text, String template) {
        return "{\"mobile\":" + quote(mobile) + ",\"text\":" + quote(text) + ",\"template\":" + quote(template) + "}";
    }

    /** A JSON string literal (RFC 8259): quote, backslash and control characters escaped. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are valid JSON but break JavaScript parsers some gateways use
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty answer)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= ANSWER_EXCERPT ? oneLine : oneLine.substring(0, ANSWER_EXCERPT) + "…";
    }
}
