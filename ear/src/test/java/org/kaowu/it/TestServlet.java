package org.kaowu.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client-side test's line to a test-only servlet deployed with it ({@code it/…?step=…}): plain-text answers,
 * for tests that must stay outside the server because they kill it.
 */
final class TestServlet {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String path;

    TestServlet(String path) {
        this.path = path;
    }

    /** The answer to {@code path?query}, which must be 200. */
    String call(String query) throws Exception {
        HttpResponse<String> r = http.send(request(query), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().strip();
    }

    /** The answer split at spaces; for polling, so failures become unchecked. */
    String[] fields(String query) {
        try {
            return call(query).split(" ");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the servlet answers 200 at all (the server is up and the application deployed). */
    boolean answers(String query) throws Exception {
        return http.send(request(query), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private HttpRequest request(String query) {
        return HttpRequest.newBuilder(URI.create(Browser.BASE_URL + path + "?" + query))
                .timeout(Duration.ofMinutes(10)).build();
    }
}
