package org.kaowu.notify;

/** Hands one SMS to whatever delivers it; chosen by {@link SmsSenders}. */
public interface SmsSender {

    /**
     * Sends the text to a mainland mobile number.
     *
     * @return the provider's name as recorded in the outbox ("dev", "http")
     * @throws DeliveryException when the message was not accepted; the outbox tries again later
     */
    String send(String mobile, String text) throws DeliveryException;
}
