package org.kaowu.notify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryExceptionTest {

    @Test
    void namesTheRootCause() {
        DeliveryException e = new DeliveryException("SMS gateway unreachable",
                new IOException("wrapped", new ConnectException("Connection refused")));
        assertEquals("SMS gateway unreachable (ConnectException: Connection refused)", DeliveryException.describe(e));
    }

    @Test
    void ownMessageAloneWithoutCause() {
        assertEquals("SMS gateway answered HTTP 503: busy",
                DeliveryException.describe(new DeliveryException("SMS gateway answered HTTP 503: busy")));
    }

    @Test
    void otherFailuresAreNamedByType() {
        assertEquals("IllegalStateException: boom", DeliveryException.describe(new IllegalStateException("boom")));
    }
}
