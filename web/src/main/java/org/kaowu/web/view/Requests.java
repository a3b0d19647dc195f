package org.kaowu.web.view;

import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

/** Facts about the current request that services need. */
public final class Requests {

    private Requests() {
    }

    /**
     * The client's address for throttling. The socket's peer only: X-Forwarded-For is not trusted, since a
     * client could forge it (a reverse proxy in front would need its own, trusted, configuration).
     */
    public static String clientAddress() {
        return clientAddress(Faces.getRequest());
    }

    /** {@link #clientAddress()} where there is no Faces context (servlets, filters). */
    public static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    public static char[] chars(String value) {
        return value == null ? null : value.toCharArray();
    }
}
